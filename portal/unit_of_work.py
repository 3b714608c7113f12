"""One way to write: the change, its access-log row and the readiness announcement commit together,
or none of them does. Reads of a child's record or a report's text are logged here too."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from portal import accesslog
from portal.accesslog.turns import append_turn
from portal.children.models import Child
from portal.contributions.models import Contribution
from portal.edge.outages import unreachable
from portal.errors import DomainError, Problem
from portal.idempotency import Once, earlier, remember
from portal.identity import Actor
from portal.readiness.changes import take_changed

if TYPE_CHECKING:
    from portal.api.context import Context

log = logging.getLogger(__name__)
NOT_SAVED = "The change was not saved: it could not be recorded in the access log. Try again later."
NOT_SHOWN = "Nothing is shown: this read could not be recorded in the access log. Try again later."
CHANGED = "portal.changed_records"  # where a session keeps the children and contributions its flushes wrote


@event.listens_for(Session, "after_flush")
def _note_changed_records(session: Session, _flush: Any) -> None:
    """The children's records and reports a change's flushes wrote: a child, a report, or a row naming one of them."""
    if (noted := session.info.get(CHANGED)) is None:
        return  # not inside a change (in_transaction starts the noting)
    children, contributions = noted
    for row in (*session.new, *session.dirty, *session.deleted):
        children.add(row.id if isinstance(row, Child) else getattr(row, "child_id", None))
        contributions.add(row.id if isinstance(row, Contribution) else getattr(row, "contribution_id", None))


def _take_changed_records(session: AsyncSession) -> tuple[set[int], set[int]]:
    children, contributions = session.info.pop(CHANGED, (set(), set()))
    return {c for c in children if isinstance(c, int)}, {c for c in contributions if isinstance(c, int)}


def _operation(context: "Context") -> accesslog.Operation:
    return context.operation or accesslog.Operation.of_request(context.request)


async def _append(session: AsyncSession, *entries: accesslog.AccessLogEntry, refusal: str) -> None:
    try:
        await accesslog.append(session, *entries)
    except Exception as error:
        if unreachable(error):
            raise  # the database is down, not the log: answered as such (portal.edge.outages)
        log.error("Access log row not written: %s", error)
        raise accesslog.LogUnavailable(refusal) from None


async def in_transaction(
    context: "Context", work: Callable[[AsyncSession, Actor], Awaitable[Any]], *, check_only: bool = False, once: Once | None = None
) -> tuple[Any, tuple[Problem, ...]]:
    """Run one change as one transaction with its access-log row (naming the children's records and reports
    it wrote): all of it is written, or none of it.
    The conferences it changed are announced once it commits, for live readiness. A refused change
    writes nothing but its log row. `check_only` runs the checks before a change and writes nothing
    unless they refuse it. With `once` (a client's idempotency key) the change is made only if the key
    is new, and the key is kept with its result in the same transaction; a retry with that key, even
    one racing the first, gets the first change's result and writes nothing."""
    session = context.session
    if session.in_transaction():
        await session.commit()
    entry = _operation(context).entry
    session.info[CHANGED] = (set(), set())
    try:
        if once is not None and (replayed := await earlier(session, context.actor, once)) is not None:
            await session.commit()
            return replayed, ()
        result = await work(session, context.actor)
        if once is not None and result is not None:
            remember(session, context.actor, once, result)
        if check_only:
            _take_changed_records(session)
            await session.rollback()
            return result, ()
        changed = take_changed(session)
        await context.notifier.stage(session, changed)
        await session.flush()
        children, contributions = _take_changed_records(session)
        await _append(session, entry(context.actor.person_id, accesslog.WRITE, children, contributions, api_token_id=context.actor.token_id), refusal=NOT_SAVED)
        await session.commit()
    except (DomainError, IntegrityError) as error:
        take_changed(session)
        _take_changed_records(session)
        await session.rollback()
        if once is not None and (replayed := await _replay_after_race(session, context.actor, once)) is not None:
            return replayed, ()
        if isinstance(error, IntegrityError):
            raise
        await _commit_alone(session, entry(context.actor.person_id, accesslog.REFUSED, api_token_id=context.actor.token_id), NOT_SAVED)
        return None, error.problems
    except BaseException:
        take_changed(session)
        _take_changed_records(session)
        await session.rollback()
        raise
    context.notifier.committed(changed)
    return result, ()


async def _replay_after_race(session: AsyncSession, actor: Actor, once: Once) -> Any | None:
    """A change refused (already submitted, say) or beaten to its key because a request with the same key
    committed meanwhile: that request's result."""
    try:
        replayed = await earlier(session, actor, once)
    except DomainError:
        return None
    await session.commit()
    return replayed


async def log_reads(context: "Context") -> None:
    """One row for everything the operation read of children's records and reports' text, if anything;
    raises LogUnavailable when it cannot be written, and the caller must then not give the data out."""
    reader = context.reader
    if not (reader.children_seen or reader.contributions_seen):
        return
    entry = _operation(context).entry(
        context.actor.person_id, accesslog.READ, reader.children_seen, reader.contributions_seen, api_token_id=context.actor.token_id)
    await log_read(context.session, entry)


async def log_read(session: AsyncSession, entry: accesslog.AccessLogEntry) -> None:
    """Commit one read's log row on its own; raises LogUnavailable when it cannot be written."""
    await _commit_alone(session, entry, NOT_SHOWN)


class _Alone:
    """Log rows committed on their own, for one engine: while one request commits, the rows of the
    requests that come meanwhile wait, and the first of them commits them all in one transaction, so
    concurrent reads take the chain's lock (SQLite's write lock) once together instead of in turn.
    Other processes on the same SQLite file are waited for in turn (portal.accesslog.turns)."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.lock = asyncio.Lock()
        self.waiting: list[tuple[accesslog.AccessLogEntry, str, asyncio.Future[None]]] = []


_alone: WeakKeyDictionary[Any, _Alone] = WeakKeyDictionary()


def _alone_for(session: AsyncSession) -> _Alone:
    alone = _alone.get(session.bind)
    if alone is None or alone.loop is not asyncio.get_running_loop():
        alone = _alone[session.bind] = _Alone()
    return alone


async def _commit_alone(session: AsyncSession, entry: accesslog.AccessLogEntry, refusal: str) -> None:
    """Commit `entry`, with those of other requests waiting meanwhile; raises LogUnavailable(refusal)
    when it cannot be written."""
    if session.in_transaction():
        await session.commit()
    alone = _alone_for(session)
    written = alone.loop.create_future()
    alone.waiting.append((entry, refusal, written))
    async with alone.lock, append_turn(session.bind):
        if not written.done():
            batch, alone.waiting = alone.waiting, []
            try:
                await _append(session, *(e for e, _, _ in batch), refusal=refusal)
                await session.commit()
            except BaseException as error:
                await session.rollback()
                others = [waiting for waiting in batch if waiting[2] is not written]
                if isinstance(error, Exception):
                    for _, theirs, future in others:
                        future.set_exception(accesslog.LogUnavailable(theirs) if isinstance(error, accesslog.LogUnavailable) else error)
                else:
                    alone.waiting[:0] = others  # cancelled: the next in line writes them
                raise
            for _, _, future in batch:
                future.set_result(None)
    written.result()


async def commit_identity_change(session: AsyncSession, request: Any, person_id: int | None) -> None:
    """Commit what signing in, signing out, an emailed code or `portal users` changed, with its sign-in log
    row already added, and an access-log row when a person made the change; none of it when that row
    cannot be written. (The command line acts for no person: its changes are in the sign-in log only.)"""
    try:
        if person_id is not None:
            await _append(session, accesslog.Operation.of_request(request).entry(person_id, accesslog.WRITE), refusal=NOT_SAVED)
        await session.commit()
    except BaseException:
        await session.rollback()
        raise


async def commit_held_form(session: AsyncSession, request: Any, person_id: int) -> None:
    """Commit holding a form post for the person whose sign-in had ended, or handing it back to them,
    with an access-log row naming them; none of it when that row cannot be written."""
    await commit_identity_change(session, request, person_id)


async def commit_command(session: AsyncSession) -> None:
    """Commit what a command run by no person changed (an import of a council's returns): all of it, or
    none of it on any error. The command line acts for no person, so it writes no access-log row."""
    try:
        await session.commit()
    except BaseException:
        await session.rollback()
        raise
