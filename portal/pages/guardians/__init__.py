"""A CAFCASS guardian's pages: their proceedings, each child's view of the care plan with its history, and a printable copy."""
