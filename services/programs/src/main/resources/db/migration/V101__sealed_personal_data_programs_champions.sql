-- Personal fields are now sealed with the employee's own key (platform personal_data_key), so the columns hold
-- "pd1:..." ciphertext. Uniqueness of emails moves to a keyed hash; erasure empties all of them.
alter table employee drop constraint employee_email_unique;
alter table employee alter column display_name drop not null;
alter table employee alter column email drop not null;
alter table employee add column chat_handle text;
alter table employee add column email_lookup text;
alter table employee add column left_at timestamptz;
alter table employee add column erased_at timestamptz;
create unique index employee_email_lookup_unique on employee (tenant_id, email_lookup);

-- Read model of the program aggregate (stream type "program").
create table program (
    tenant_id                text        not null,
    id                       uuid        not null,
    title                    text        not null,
    status                   text        not null,
    phases                   text        not null, -- JSON array of the phases
    min_break_every_minutes  integer     not null,
    max_break_every_minutes  integer     not null,
    starts_on                date,
    current_phase            integer     not null default 0,
    -- the day the next phase begins, while one is still to come: what the phase scheduler polls
    next_phase_on            date,
    version                  bigint      not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    primary key (tenant_id, id)
);
create index program_next_phase on program (next_phase_on) where next_phase_on is not null;

create table program_team (
    tenant_id  text not null,
    program_id uuid not null,
    team_id    uuid not null,
    primary key (tenant_id, program_id, team_id),
    foreign key (tenant_id, program_id) references program (tenant_id, id) on delete cascade
);
create index program_team_team on program_team (tenant_id, team_id);

create table program_champion (
    tenant_id    text        not null,
    program_id   uuid        not null,
    team_id      uuid        not null,
    employee_id  uuid        not null,
    appointed_at timestamptz not null,
    primary key (tenant_id, program_id, team_id, employee_id),
    foreign key (tenant_id, program_id) references program (tenant_id, id) on delete cascade
);
create index program_champion_employee on program_champion (tenant_id, employee_id);
