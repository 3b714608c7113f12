"""The contributor's pages: the task list, writing the report, checking and submitting it, amending or withdrawing it."""
