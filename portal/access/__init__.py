"""Who may see and do what, in one package. Default deny: anything not allowed here is refused.

- `actions`: the registry of named actions (rule, message, SQL scope) that resolvers, pages,
  exports and subscriptions call: `allowed`, `require`, `scope`;
- `scopes`: reads as SQL, so an actor only ever loads the rows they may see;
- `redaction`: `visible_sections`, the one rule for which sections of a contribution a person
  sees, for a purpose (the case, the family, an audit item, an export);
- `guards`: every GraphQL type declares, field by field, the action that guards it.
"""

from portal.access.actions import ACTIONS, Action, allowed, require, scope
from portal.access.guards import INHERITED, PUBLIC, fields, undeclared
from portal.access.redaction import WITHHOLDING_IN_FORCE, Purpose, VisibleSections, can_see_withheld, visible_sections
from portal.access.scopes import audited_item_scope

__all__ = [
    "ACTIONS", "INHERITED", "PUBLIC", "WITHHOLDING_IN_FORCE", "Action", "Purpose", "VisibleSections", "allowed", "audited_item_scope",
    "can_see_withheld", "fields", "require", "scope", "undeclared", "visible_sections",
]
