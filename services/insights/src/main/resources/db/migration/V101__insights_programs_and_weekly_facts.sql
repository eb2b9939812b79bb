-- Programs, weekly facts and per-tenant settings. Like V100 these read models are derived from the topics
-- only, so POST /api/insights/replay can empty and rebuild them.

-- The employee's time zone decides which local day (and so which ISO week) an event falls in; null = UTC.
alter table insights_member add column time_zone text;
-- Set by EmployeeLeft, cleared by a later enrolment: the weeks after it no longer count the person as enrolled.
alter table insights_member add column left_at timestamptz;

-- ROSA bands need the method and the score of each employee's latest assessment.
alter table insights_latest_assessment add column method text;
alter table insights_latest_assessment add column score integer;

-- Programs as launched (ProgramLaunched) and their lifecycle (paused, resumed, ended, current phase).
create table insights_program (
    tenant_id               text        not null,
    program_id              uuid        not null,
    title                   text        not null,
    starts_on               date        not null,
    status                  text        not null,
    current_phase           integer,
    min_break_every_minutes integer     not null,
    max_break_every_minutes integer     not null,
    launched_at             timestamptz not null,
    ended_at                timestamptz,
    primary key (tenant_id, program_id)
);

create table insights_program_phase (
    tenant_id                   text    not null,
    program_id                  uuid    not null,
    number                      integer not null,
    start_week                  integer not null,
    break_every_minutes         integer not null,
    daily_active_minutes_target integer not null,
    primary key (tenant_id, program_id, number)
);

create table insights_program_team (
    tenant_id  text not null,
    program_id uuid not null,
    team_id    uuid not null,
    primary key (tenant_id, program_id, team_id)
);

-- One row per event about one employee, under the pseudonymous id only. Weeks and teams are worked out
-- when read (the employee's time zone and team may arrive after the fact). amount: minutes where it applies.
create table insights_fact (
    tenant_id   text        not null,
    event_id    text        not null,
    kind        text        not null,
    employee_id uuid        not null,
    occurred_at timestamptz not null,
    amount      integer     not null default 0,
    primary key (tenant_id, event_id, kind)
);
create index insights_fact_employee on insights_fact (tenant_id, employee_id);

-- Per-tenant settings HR may make stricter than the service default (never looser).
create table insights_settings (
    tenant_id            text    not null primary key,
    anonymity_threshold  integer not null
);
