-- Platform tables shared by every service. Platform migrations use versions 1-99; services start at 100.

-- Append-only event store: one row per domain event, ordered per stream by version.
create table event_store (
    global_position bigserial   primary key,
    tenant_id       text        not null,
    stream_type     text        not null,
    stream_id       uuid        not null,
    version         integer     not null check (version > 0),
    event_id        uuid        not null unique,
    event_type      text        not null,
    payload         jsonb       not null,
    recorded_at     timestamptz not null default now(),
    -- optimistic concurrency: two writers appending the same version to one stream cannot both commit
    constraint event_store_stream_version unique (tenant_id, stream_id, version)
);

-- Transactional outbox: integration events written in the same transaction as the domain events.
-- tx_id lets the relay wait for every older transaction to finish, so a row that commits late is never
-- skipped and records of one key leave in the order their transactions began.
create table outbox (
    id           bigserial   primary key,
    tx_id        xid8        not null default pg_current_xact_id(),
    tenant_id    text        not null,
    topic        text        not null,
    record_key   text        not null,
    event_id     uuid        not null unique,
    event_type   text        not null,
    source       text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz
);
create index outbox_pending on outbox (tx_id, id) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;

-- Inbox: which records each consumer has already applied, written in the same transaction as the effect.
create table inbox (
    consumer    text        not null,
    source      text        not null,
    event_id    text        not null,
    tenant_id   text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, source, event_id)
);
