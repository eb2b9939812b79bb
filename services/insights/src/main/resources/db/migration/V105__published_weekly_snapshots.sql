-- Published figures. HR reads only these, never the live read models: a week is published once it has closed
-- (Sunday 24:00 UTC plus upright.insights.snapshot-grace), and its rows never change afterwards, so no late event,
-- departure or erasure can be read off as a before/after difference. Not rebuilt (nor emptied) by a replay.

-- A closed ISO week of a tenant, published with the threshold k in force then.
create table insights_published_week (
    tenant_id    text        not null,
    week         date        not null, -- the Monday
    published_at timestamptz not null,
    threshold    integer     not null,
    primary key (tenant_id, week)
);

-- One team in one published week: its figures and the verdict they were published with. A hidden cell's numbers
-- are kept only so that a program launched later adds up the same cells; they are never shown.
create table insights_week_cell (
    tenant_id             text    not null,
    week                  date    not null,
    team_id               uuid    not null,
    enrolled              integer not null,
    active                integer not null, -- contributors: people who did something themselves that week
    people                integer not null, -- everyone the figures are about (active, or sent something)
    assessed              integer not null, -- enrolled with a completed assessment by the week's end
    assessments_completed integer not null,
    routines_recommended  integer not null,
    reminders_sent        integer not null,
    breaks_taken          integer not null,
    breaks_snoozed        integer not null,
    breaks_skipped        integer not null,
    reminders_expired     integer not null,
    delivery_failures     integer not null,
    active_break_minutes  integer not null,
    employee_days         integer not null,
    exercise_sessions     integer not null,
    exercise_minutes      integer not null,
    suppressed            boolean not null,
    reason                text,
    primary key (tenant_id, week, team_id),
    foreign key (tenant_id, week) references insights_published_week (tenant_id, week)
);

-- Risk and findings move only when at least k people's latest results changed since the last snapshot.
create table insights_risk_snapshot (
    snapshot_id  bigserial   primary key,
    tenant_id    text        not null,
    published_at timestamptz not null,
    threshold    integer     not null
);
create index insights_risk_snapshot_tenant on insights_risk_snapshot (tenant_id, snapshot_id desc);

-- The latest assessments a risk snapshot counts, by assessment id (an erasure keeps it; no employee id is kept).
create table insights_risk_snapshot_row (
    tenant_id     text   not null,
    snapshot_id   bigint not null references insights_risk_snapshot (snapshot_id),
    assessment_id uuid   not null,
    team_id       uuid   not null,
    method        text,
    score         integer,
    risk_level    text,
    finding_codes text[] not null,
    primary key (snapshot_id, assessment_id)
);
