-- Sitting outcomes shown to HR (issue 15): one round per program and check-in (or its end), published once its
-- answer window has passed, with the tenant's k in force then; it never changes afterwards. Like the published weeks,
-- these are not read models: a replay leaves them as they are.
create table insights_outcome_round (
    tenant_id    text        not null,
    program_id   uuid        not null,
    period       text        not null, -- check-in-<n> or end
    opens_at     timestamptz not null,
    closes_at    timestamptz not null,
    published_at timestamptz not null,
    threshold    integer     not null,
    primary key (tenant_id, program_id, period)
);

-- The program's figure (group_key 'program') and each team's (its id). A hidden figure keeps no numbers at all:
-- nothing is ever computed from them again. Means are minutes per workday, each person against their own baseline.
create table insights_outcome_figure (
    tenant_id           text             not null,
    program_id          uuid             not null,
    period              text             not null,
    group_key           text             not null,
    suppressed          boolean          not null,
    reason              text,
    contributors        integer,
    -- people of the figure erased since it was published: they count as in it, and in no later figure
    erased_contributors integer          not null default 0,
    baseline_sitting    double precision,
    later_sitting       double precision,
    mean_change         double precision,
    sd_change           double precision,
    ci_low              double precision,
    ci_high             double precision,
    share_fell_30       double precision,
    baseline_standing   double precision,
    later_standing      double precision,
    baseline_walking    double precision,
    later_walking       double precision,
    primary key (tenant_id, program_id, period, group_key),
    foreign key (tenant_id, program_id, period) references insights_outcome_round (tenant_id, program_id, period)
);

-- Who each shown figure is about (pseudonymous ids, no answers): what a later figure is compared with, so that no two
-- figures ever differ by fewer than k people. An erasure deletes the person's rows and counts them in the figure.
create table insights_outcome_contributor (
    tenant_id   text not null,
    program_id  uuid not null,
    period      text not null,
    group_key   text not null,
    employee_id uuid not null,
    primary key (tenant_id, program_id, period, group_key, employee_id),
    foreign key (tenant_id, program_id, period, group_key)
        references insights_outcome_figure (tenant_id, program_id, period, group_key)
);
create index insights_outcome_contributor_employee on insights_outcome_contributor (tenant_id, employee_id);
