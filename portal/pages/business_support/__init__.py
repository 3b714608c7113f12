"""Business support's pages: the LA's conferences, creating and scheduling one, inviting organisations and
their due times, recording it held, and chasing the reports due."""
