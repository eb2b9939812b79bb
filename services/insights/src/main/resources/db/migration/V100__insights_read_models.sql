-- HR read models of the insights service. They are NOT event-sourced: every row is derived from the
-- integration events on the Kafka topics, so the tables (and the insights consumers' inbox rows) can be
-- dropped and rebuilt by replaying the topics from the beginning.
-- Facts are kept per employee and attributed to teams only when queried, so an event that arrives before
-- the employee's EmployeeEnrolled is never lost: it counts for the team as soon as the membership is known.

-- Teams the tenant formed (TeamCreated). The name is an organisational label, not personal data.
create table insights_team (
    tenant_id  text        not null,
    team_id    uuid        not null,
    name       text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, team_id)
);

-- Which team each pseudonymous employee belongs to (EmployeeEnrolled); the latest enrolment wins.
create table insights_member (
    tenant_id   text        not null,
    employee_id uuid        not null,
    team_id     uuid        not null,
    enrolled_at timestamptz not null,
    primary key (tenant_id, employee_id)
);
create index insights_member_team on insights_member (tenant_id, team_id);

-- Running counts per employee. Only ever read summed over a team that passes the anonymity policy.
create table insights_employee_activity (
    tenant_id             text    not null,
    employee_id           uuid    not null,
    assessments_completed integer not null default 0,
    routines_recommended  integer not null default 0,
    reminders_sent        integer not null default 0,
    breaks_taken          integer not null default 0,
    active_break_minutes  integer not null default 0,
    exercise_sessions     integer not null default 0,
    exercise_minutes      integer not null default 0,
    primary key (tenant_id, employee_id)
);

-- Each employee's most recent assessment: risk level and finding codes count once per person, from this row.
create table insights_latest_assessment (
    tenant_id     text        not null,
    employee_id   uuid        not null,
    assessment_id uuid        not null,
    risk_level    text        not null,
    finding_codes text[]      not null,
    completed_at  timestamptz not null,
    primary key (tenant_id, employee_id)
);
