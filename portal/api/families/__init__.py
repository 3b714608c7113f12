"""The families slice of the schema: what a family member reads and sends, and who in a family has access."""
