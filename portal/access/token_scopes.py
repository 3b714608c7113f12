"""What an API token's scopes let it do: each scope names the actions it opens. A token may take
only those actions, and then only where the action's own rule (the same relationship rules as a
person's) allows it; every other action is refused to it."""

from portal.identity import Actor

TOKEN_SCOPES: dict[str, frozenset[str]] = {
    "invitations:read": frozenset({
        "invitation.read", "invitation.own", "invitation.to_answer", "invitation.needs", "conference.read", "child.read", "organisation.read", "person.read",
    }),
    "contributions:read": frozenset({"contribution.read", "draft.read", "upload.read", "feedback.read"}),
    "contributions:write": frozenset({"contribution.write", "contribution.read", "draft.read", "upload.read"}),
}


def token_may(actor: Actor, action: str) -> bool:
    """A person may attempt anything (the action's rule decides); a token only what its scopes open."""
    return actor.scopes is None or any(action in TOKEN_SCOPES.get(scope, ()) for scope in actor.scopes)


def scopes_opening(action: str) -> list[str]:
    return sorted(scope for scope, actions in TOKEN_SCOPES.items() if action in actions)


def scope_refusal(action: str) -> str:
    needed = scopes_opening(action)
    if not needed:
        return "API tokens may not do this; a person must."
    return f"This API token's scopes do not allow this: it needs {' or '.join(needed)}."
