-- The W3C trace context of the transaction that wrote the row (issue 18): the relay sends it as the CloudEvents
-- distributed-tracing extension (ce_traceparent), so the consumer's effect continues the same trace. Null when the
-- writer was not traced.
alter table outbox add column traceparent text;
