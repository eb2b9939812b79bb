-- Program-driven cadence: the programs service's facts about programs and their teams, each employee's latest
-- risk reading from assessments, and the schedule's lifecycle.

-- A program as programs last announced it. The current phase sets the cadence; min/max bound every
-- personal or risk-based change. status: active | paused | ended.
create table program (
    tenant_id                   text        not null,
    program_id                  uuid        not null,
    status                      text        not null check (status in ('active', 'paused', 'ended')),
    starts_on                   date        not null,
    phase_number                integer     not null,
    break_every_minutes         integer     not null check (break_every_minutes > 0),
    daily_active_minutes_target integer     not null,
    min_break_every_minutes     integer     not null check (min_break_every_minutes > 0),
    max_break_every_minutes     integer     not null,
    phases                      text        not null, -- JSON array of the launch's phases (number, startWeek, ...)
    updated_at                  timestamptz not null,
    primary key (tenant_id, program_id)
);

-- Which program a team is in (the latest launch naming it wins).
create table program_team (
    tenant_id  text not null,
    team_id    uuid not null,
    program_id uuid not null,
    primary key (tenant_id, team_id)
);
create index program_team_program on program_team (tenant_id, program_id);

-- The employee's latest assessment reading: high risk (ROSA >= 5 or a prolonged-sitting finding) tightens
-- the cadence. as_of is the assessment's own time; an older one never overwrites a newer one.
create table employee_risk (
    tenant_id   text        not null,
    employee_id uuid        not null,
    high_risk   boolean     not null,
    as_of       timestamptz not null,
    primary key (tenant_id, employee_id)
);

-- active: reminded; left: the employee left the program (EmployeeLeft), nothing is queued any more
alter table schedule add column status text not null default 'active' check (status in ('active', 'left'));
alter table schedule add column standing_desk boolean not null default false;
create index schedule_team on schedule (tenant_id, team_id);
