"""The one request edge: every HTTP request and WebSocket passes here before any route.

Middleware (outermost first): security headers, CSRF refusal, the body-size limit, then the
actor and the request's database session. Routes build their GraphQL context only with
`context_for` and read or write only through named operations (`operations.execute`).
"""
