"""A form posted after the person's sign-in ended, held for a short time until they sign in again."""
