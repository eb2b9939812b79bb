-- The key vault, one database every service shares (it stands in for a KMS). One AES-256 key per employee seals
-- the payloads of their health and workday events on the Kafka topics; it is stored wrapped by the master key.
-- Erasure destroys the key and leaves a tombstone (wrapped_key null, erased_at set) so that an event sealed for
-- the person afterwards gets a key nobody keeps. The table holds ids and keys only, nothing readable.
create table topic_key (
    tenant_id   text        not null,
    employee_id uuid        not null,
    wrapped_key bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    primary key (tenant_id, employee_id),
    check ((wrapped_key is null) = (erased_at is not null))
);
