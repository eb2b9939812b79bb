-- The employee's team (to route reminders to a team's Slack channel), what to suggest in a break, and Slack
-- channels.

alter table schedule add column team_id uuid;

-- The employee's current recommendation as the exercises service last announced it (and the assessments
-- service's clinical-review hold). as_of is the time of the fact; an older fact never overwrites a newer one,
-- whatever order the topics deliver them in.
create table employee_routine (
    tenant_id        text        not null,
    employee_id      uuid        not null,
    routine_id       text,
    routine_title    text,
    duration_minutes integer,
    withheld         boolean     not null,
    as_of            timestamptz not null,
    primary key (tenant_id, employee_id)
);

-- Slack incoming webhooks of a tenant (optionally only for one team). The URL is the credential: stored
-- AES-GCM sealed; only a hint (host and last four characters) is kept readable.
create table slack_channel (
    tenant_id   text        not null,
    id          uuid        not null,
    sealed_url  text        not null,
    url_hint    text        not null,
    team_id     uuid,
    status      text        not null check (status in ('active', 'disabled')),
    created_at  timestamptz not null,
    disabled_at timestamptz,
    version     bigint      not null,
    primary key (tenant_id, id)
);
create index slack_channel_active on slack_channel (tenant_id, created_at) where status = 'active';
