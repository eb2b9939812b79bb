-- HR's assessment campaigns: one row per campaign, kept in step with the event store in the same transaction.
create table assessment_campaign (
    tenant_id   text        not null,
    id          uuid        not null,
    team_id     uuid        not null,
    template_id text        not null,
    due_date    date        not null,
    started_at  timestamptz not null,
    version     bigint      not null,
    primary key (tenant_id, id)
);
create index assessment_campaign_newest on assessment_campaign (tenant_id, started_at desc, id);

-- coverage counts a team's members and their submissions of one template since a date
create index employee_team_by_team on employee_team (tenant_id, team_id);
create index assessment_submitted_by_template on assessment (tenant_id, template_id, employee_id, submitted_at)
    where status = 'SUBMITTED';
