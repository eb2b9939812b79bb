-- Read model of the content library: every version of every exercise and routine with its workflow status,
-- kept in step with the event store (stream types exercise / routine) in the same transaction. Readers
-- select status = 'published'; editors see every version.
create table content_version (
    tenant_id   text        not null,
    id          uuid        not null,
    kind        text        not null check (kind in ('exercise', 'routine')),
    content_id  text        not null,
    version     integer     not null check (version > 0),
    status      text        not null check (status in ('draft', 'in-review', 'published', 'superseded', 'retired')),
    title       text        not null,
    content     text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    note        text,
    primary key (tenant_id, id),
    unique (tenant_id, kind, content_id, version)
);
create index content_version_published on content_version (tenant_id, kind) where status = 'published';

-- Bumped by every content change, so readers can keep the published library in memory until it moves.
create table content_revision (
    tenant_id text   not null primary key,
    revision  bigint not null
);

-- Sessions logged from a reminder's Done button have no felt rating.
alter table exercise_session alter column felt_rating drop not null;
