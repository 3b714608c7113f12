"""What an operator watches: one JSON log event per request with its request id, Prometheus metrics,
and OpenTelemetry tracing as an option."""
