-- Dead-letter redrives: the last outcome of redriving each record of this service's dead-letter topic, so the
-- operator's list shows what was done and a record already applied is never handed to a consumer again (even
-- after its inbox row was pruned). One row per DLQ record; attempts counts the redrives.
create table dead_letter_redrives (
    dlq_topic     text        not null,
    dlq_partition integer     not null,
    dlq_offset    bigint      not null,
    outcome       text        not null check (outcome in ('applied', 'already-applied', 'failed-again')),
    reason        text,
    redriven_at   timestamptz not null,
    attempts      integer     not null default 1 check (attempts > 0),
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
