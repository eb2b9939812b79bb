-- Roster imports (roster/): one row per applied file, for its progress and outcome. It never holds a name, an email
-- or a chat handle (the file itself stays in memory only while it is applied): rows are named by line number,
-- employees by their pseudonymous id, so erasure has nothing to remove here.
create table roster_import (
    tenant_id     text        not null,
    id            uuid        not null,
    status        text        not null,
    mark_leavers  boolean     not null,
    total_rows    int         not null,
    rows_done     int         not null,
    requested_by  text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    finished_at   timestamptz,
    outcome       jsonb,
    primary key (tenant_id, id)
);
