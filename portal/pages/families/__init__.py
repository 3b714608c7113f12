"""The family's pages, and the page where staff give a family member access."""
