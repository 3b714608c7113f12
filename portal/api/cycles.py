"""graphql-core's executor hands resolvers helpers that are its own bound methods, so it refers to
itself: it, the context it holds and everything a request read (loaders, their caches, the ORM rows,
the session, the ASGI scope) then outlive the request until the cyclic garbage collector walks them,
about 4,600 objects a dashboard request, and under concurrency those collections also walk every
request in flight. Helpers that reach the executor through a weak reference leave no cycle, so
reference counting frees all of it as the request ends. The executor lives while its operation runs,
which is whenever a resolver can call them."""

import weakref
from collections.abc import Awaitable, Sequence
from typing import Any

from graphql.execution.executor import Executor

from graphql import GraphQLResolveInfoHelpers


def weak_helpers(executor: Executor[Any]) -> GraphQLResolveInfoHelpers:
    reference = weakref.ref(executor)

    def gather(values: Sequence[Awaitable[Any]]) -> Awaitable[list[Any]]:
        return reference().gather_async_work(values)  # type: ignore[union-attr]

    def track(values: Sequence[Any]) -> None:
        reference().track_async_work(values)  # type: ignore[union-attr]

    return GraphQLResolveInfoHelpers(gather=gather, track=track)
