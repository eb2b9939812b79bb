-- Read models of the assessments service, kept in step with the event store in the same transaction.

-- One row per assessment, for "my assessments" lists. Answers stay in the event store only.
create table assessment (
    tenant_id        text        not null,
    id               uuid        not null,
    employee_id      uuid        not null,
    template_id      text        not null,
    template_version integer     not null,
    status           text        not null,
    started_at       timestamptz not null,
    submitted_at     timestamptz,
    score            integer,
    risk_level       text,
    clinical_review  boolean,
    version          bigint      not null,
    primary key (tenant_id, id)
);
create index assessment_by_employee on assessment (tenant_id, employee_id, started_at desc);

-- Which team an employee belongs to, learned from upright.programs EmployeeEnrolled events.
create table employee_team (
    tenant_id   text not null,
    employee_id uuid not null,
    team_id     uuid not null,
    primary key (tenant_id, employee_id)
);
