-- Read models of the programs service, rebuilt from its event store.
create table team (
    tenant_id  text        not null,
    id         uuid        not null,
    name       text        not null,
    version    bigint      not null,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    constraint team_name_unique unique (tenant_id, name)
);

-- The only place Upright keeps names and emails.
create table employee (
    tenant_id     text        not null,
    id            uuid        not null,
    team_id       uuid        not null,
    display_name  text        not null,
    email         text        not null,
    time_zone     text        not null,
    workday_start text        not null,
    workday_end   text        not null,
    standing_desk boolean     not null,
    enrolled_at   timestamptz not null,
    primary key (tenant_id, id),
    constraint employee_email_unique unique (tenant_id, email),
    foreign key (tenant_id, team_id) references team (tenant_id, id)
);
create index employee_team on employee (tenant_id, team_id);
