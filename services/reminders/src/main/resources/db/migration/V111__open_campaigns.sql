-- Assessment campaigns are kept (issue 13, order between topics): a member whose EmployeeEnrolled reaches reminders
-- after the team's AssessmentCampaignStarted (two topics, no order between them), or who joins the team later, is
-- nudged when the enrolment arrives, as long as the campaign is not past its due date. No personal data.
create table assessment_campaign (
    tenant_id   text not null,
    campaign_id uuid not null,
    team_id     uuid not null,
    due_date    date not null,
    primary key (tenant_id, campaign_id)
);
create index assessment_campaign_team on assessment_campaign (tenant_id, team_id, due_date);
