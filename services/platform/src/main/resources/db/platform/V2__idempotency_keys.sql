-- Responses to POSTs sent with an Idempotency-Key, stored in the same transaction as their effect so a retry
-- gets the first answer back and never a second effect.
create table idempotency_key (
    tenant_id    text        not null,
    principal    text        not null,
    operation    text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    location     text,
    etag         text,
    body         jsonb,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, principal, operation, key)
);
