"""A challenge's reasons and the stages it reached, one batched query each per request."""

from portal.api.batching import Reader, grouped
from portal.challenges.models import ChallengeReason, ChallengeStep


class ChallengeLoaders:
    def __init__(self, reader: Reader) -> None:
        self.reasons = grouped(reader, ChallengeReason.challenge_id, ChallengeReason, ChallengeReason.reason)
        self.steps = grouped(reader, ChallengeStep.challenge_id, ChallengeStep, ChallengeStep.position, ChallengeStep.id)
