"""Quality audit of contributions against a published, versioned rubric (agencies/rubrics/*.toml).

Pure functions over plain data: no database, no web. The API layer maps rows into
`Contribution` (or parses the API's JSON with `parse_contribution`) and stores what these return.
"""
