-- Per-subject data keys for crypto-shredding: personal fields are sealed with the subject's own AES-256 key,
-- stored here wrapped (AES-GCM) by the service's master key. Deleting the row makes every copy of those fields
-- (event store payloads, read models, backups) unreadable.
create table personal_data_key (
    tenant_id   text        not null,
    subject_id  uuid        not null,
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, subject_id)
);
