"""An LA administrator's pages: people, organisations and their API tokens, and the access log."""
