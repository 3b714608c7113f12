"""The GraphQL schema with its protective limits."""

import strawberry
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.tools import merge_types

from portal.accesslog import AccessLogExtension
from portal.api.audit.mutations import AuditMutation
from portal.api.audit.queries import AuditQuery
from portal.api.careplans.mutations import CarePlansMutation
from portal.api.careplans.queries import CarePlansQuery
from portal.api.children.mutations import ChildMutation
from portal.api.children.queries import ChildrenQuery
from portal.api.conferences.mutations import ConferencesMutation, ConsultationsMutation
from portal.api.conferences.queries import ConferencesQuery
from portal.api.contributions.mutations import ContributionsMutation
from portal.api.contributions.queries import ContributionsQuery
from portal.api.ingest.mutations import IngestMutation
from portal.api.people.queries import PeopleQuery
from portal.api.subscriptions import Subscription as ReadinessSubscription
from portal.api.subscriptions import WebSocketSubscriptionsOnly
from portal.settings import Settings

# Merge order is field order in the schema.
Query = merge_types("Query", (PeopleQuery, ConferencesQuery, ContributionsQuery, ChildrenQuery, CarePlansQuery, AuditQuery))
Mutation = merge_types(
    "Mutation",
    (ChildMutation, ConferencesMutation, ContributionsMutation, ConsultationsMutation, CarePlansMutation, IngestMutation, AuditMutation),
)
Subscription = merge_types("Subscription", (ReadinessSubscription,))


def build_schema(settings: Settings) -> strawberry.Schema:
    parser_cache = ParserCache(maxsize=256)
    validation_cache = ValidationCache(maxsize=256)
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            lambda: parser_cache,
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            lambda: validation_cache,
            WebSocketSubscriptionsOnly,
            lambda: MaskErrors(should_mask_error=_unexpected),
            AccessLogExtension,
        ],
    )


def _unexpected(error: Exception) -> bool:
    """Hide internal errors; keep GraphQL's own errors (bad queries, limits, bad arguments)."""
    original = getattr(error, "original_error", None)
    return original is not None and not isinstance(original, ValueError)
