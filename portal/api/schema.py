"""The GraphQL schema with its protective limits."""

import logging
import re

import strawberry
from strawberry.extensions import AddValidationRules, MaskErrors, MaxTokensLimiter
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from graphql import GraphQLError
from portal.accesslog import LogUnavailable
from portal.accesslog.extension import AccessLogExtension
from portal.api.administration.mutations import AdministrationMutation
from portal.api.administration.queries import AdministrationQuery
from portal.api.audit.mutations import AuditMutation
from portal.api.audit.queries import AuditQuery
from portal.api.business_support.mutations import BusinessSupportMutation
from portal.api.business_support.queries import BusinessSupportQuery
from portal.api.careplans.mutations import CarePlansMutation
from portal.api.careplans.queries import CarePlansQuery
from portal.api.challenges.mutations import ChallengesMutation
from portal.api.challenges.queries import ChallengesQuery
from portal.api.children.mutations import ChildMutation
from portal.api.children.queries import ChildrenQuery
from portal.api.conferences.mutations import ConferencesMutation, ConsultationsMutation
from portal.api.conferences.queries import ConferencesQuery
from portal.api.contributions.mutations import ContributionsMutation
from portal.api.contributions.queries import ContributionsQuery
from portal.api.cost import QueryCostLimiter
from portal.api.families.child_views import ChildViewsMutation, ChildViewsQuery
from portal.api.families.feedback import FeedbackMutation, FeedbackQuery
from portal.api.families.mutations import FamiliesMutation
from portal.api.families.queries import FamiliesQuery
from portal.api.history.queries import HistoryQuery
from portal.api.identity.mutations import IdentityMutation
from portal.api.identity.queries import IdentityQuery
from portal.api.ingest.mutations import IngestMutation
from portal.api.lean import LeanExecutor, lean_resolvers
from portal.api.monitoring.challenge import MonitoringChallengeMutation
from portal.api.monitoring.mutations import MonitoringMutation
from portal.api.monitoring.queries import MonitoringQuery
from portal.api.outcomes.mutations import OutcomesMutation
from portal.api.outcomes.queries import OutcomesQuery
from portal.api.people.queries import PeopleQuery
from portal.api.registered import Documents, Registered
from portal.api.storable_input import StorableInput
from portal.api.subscriptions import Subscription as ReadinessSubscription
from portal.api.subscriptions import WebSocketSubscriptionsOnly
from portal.edge.operations import documents
from portal.edge.outages import MESSAGE as DATABASE_DOWN
from portal.edge.outages import unreachable
from portal.errors import MESSAGE_CHARS, echo
from portal.observability.graphql_metrics import OperationMetrics, count_errors
from portal.settings import Settings

# Merge order is field order in the schema.
Query = merge_types("Query", (PeopleQuery, ConferencesQuery, ContributionsQuery, ChildrenQuery, CarePlansQuery, AuditQuery, IdentityQuery, HistoryQuery, BusinessSupportQuery, FamiliesQuery,
                                ChildViewsQuery, FeedbackQuery, AdministrationQuery, ChallengesQuery, MonitoringQuery, OutcomesQuery))
Mutation = merge_types(
    "Mutation",
    (ChildMutation, ConferencesMutation, ContributionsMutation, ConsultationsMutation, CarePlansMutation, IngestMutation, AuditMutation,
     IdentityMutation, BusinessSupportMutation, FamiliesMutation, ChildViewsMutation, FeedbackMutation, AdministrationMutation, ChallengesMutation, MonitoringMutation, OutcomesMutation,
     MonitoringChallengeMutation),
)
Subscription = merge_types("Subscription", (ReadinessSubscription,))


log = logging.getLogger(__name__)
SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class PortalSchema(strawberry.Schema):
    """Logs one line for each error a client caused (a bad query, a bad argument) and a traceback
    only for the portal's own failures. Outside demo and debug, errors carry no "Did you mean"
    hints, which would map the schema for someone who may not read it."""

    def __init__(self, *args: object, suggestions: bool, registered: Registered, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.suggestions = suggestions
        self.registered = registered

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        count_errors(errors, execution_context, _unexpected)
        for error in errors:
            if unreachable(error.original_error):
                error.message = DATABASE_DOWN
                error.extensions = {**(error.extensions or {}), "code": "UNAVAILABLE"}
                log.warning("GraphQL field failed: the database is unreachable (%s)", type(error.original_error).__name__)
                continue
            error.message = echo(error.message, MESSAGE_CHARS)
            if not self.suggestions:
                error.message = SUGGESTION.sub("", error.message)
            if _unexpected(error):
                StrawberryLogger.error(error, execution_context)
            else:
                log.info("GraphQL error for the client: %s", error.message[:300])


def build_schema(settings: Settings) -> strawberry.Schema:
    # The limits' rule classes are made once: the validation cache is keyed by the rules as well as
    # the document, so rules made afresh for each request would never let it hit.
    limits = [max_depth_rule(settings.max_query_depth, None), max_aliases_rule(settings.max_aliases)]
    registered = Registered(documents().values())
    schema = PortalSchema(
        suggestions=settings.demo or settings.debug,
        registered=registered,
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        execution_context_class=LeanExecutor,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            lambda: AddValidationRules(limits),
            lambda: Documents(registered),
            lambda: QueryCostLimiter(max_cost=settings.max_query_cost, page_max=settings.page_size_max),
            WebSocketSubscriptionsOnly,
            lambda: StorableInput(registered),
            lambda: MaskErrors(should_mask_error=_unexpected),
            AccessLogExtension,
            OperationMetrics,
        ],
    )
    lean_resolvers(schema)
    return schema


def _unexpected(error: Exception) -> bool:
    """Hide internal errors; keep GraphQL's own errors (bad queries, limits, bad arguments and variable
    values), the log's refusal and the database being unreachable."""
    original = getattr(error, "original_error", None)
    return original is not None and not isinstance(original, ValueError | GraphQLError | LogUnavailable) and not unreachable(original)
