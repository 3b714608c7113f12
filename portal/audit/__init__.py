"""Quality audit of contributions against a published, versioned rubric (agencies/rubrics/*.toml).

The judging, sampling, agreement, moderation, aggregation, pseudonymisation and export are pure
functions over plain data. `models` holds the audit tables and `services` maps database rows into
that plain data (`rows`) and stores what the pure code returns.
"""
