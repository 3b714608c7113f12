"""An LA's issues resolution process for IRO challenges, as its rules file states it: the stages in
order, who answers at each and within how many working days, and the limit on the whole process.

A stage without `responder_role` is a referral outside the local authority (CAFCASS): nobody in the
LA answers it, so the IRO records what came of it."""

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from portal.enums import Role

STAGE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
RESPONDER_ROLES = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR, Role.IRO_MANAGER})


class ChallengeStage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(min_length=1, max_length=100)
    responder_role: Role | None = None
    response_working_days: int = Field(ge=1, le=60)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not STAGE_ID.match(value) or len(value) > 64:
            raise ValueError(f"'{value}' must be lower-case letters, digits and '_', starting with a letter")
        return value

    @field_validator("responder_role")
    @classmethod
    def _manager(cls, value: Role | None) -> Role | None:
        if value is not None and value not in RESPONDER_ROLES:
            allowed = ", ".join(sorted(RESPONDER_ROLES))
            raise ValueError(f"{value} does not answer IRO challenges (one of {allowed}, or leave it out for a referral outside the LA)")
        return value

    @property
    def external(self) -> bool:
        return self.responder_role is None


class ChallengeRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    overall_working_days: int = Field(ge=1, le=120)
    remind_working_days_before_due: int = Field(default=1, ge=0, le=20)
    stages: tuple[ChallengeStage, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self) -> "ChallengeRules":
        ids = [stage.id for stage in self.stages]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"stages: {', '.join(repeated)} appear more than once")
        if self.stages[0].external:
            raise ValueError("stages: the first stage must be answered within the local authority (give it a responder_role)")
        return self

    def stage(self, stage_id: str) -> ChallengeStage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def position(self, stage_id: str) -> int:
        return next(n for n, s in enumerate(self.stages) if s.id == stage_id)
