-- Sitting outcomes (issue 15): each employee's OSPAQ answer per period (SittingReported, sealed for the employee),
-- the newest by reported_at per (tenant, employee, period): a correction replaces the earlier answer, and a late older
-- record never overwrites a newer one. Only the derived minutes per workday are kept, never the answers.
--
-- No team column: the team is taken from insights' own membership (insights_member) when the rows are read, as for
-- insights_fact, so a report that arrives before its enrolment counts as soon as it comes, and live rows equal a
-- replay's whatever order the topics are read in. The event's own teamId is not used (assessments may not know it).
-- days_worked 0 is a week without work: answered, but left out of minute averages.
create table insights_sitting_report (
    tenant_id                  text        not null,
    employee_id                uuid        not null,
    period                     text        not null,
    questionnaire_version      text        not null,
    minutes_worked_per_workday integer     not null,
    sitting_minutes            integer     not null,
    standing_minutes           integer     not null,
    walking_minutes            integer     not null,
    heavy_labour_minutes       integer     not null,
    days_worked                integer     not null,
    reported_at                timestamptz not null,
    primary key (tenant_id, employee_id, period)
);
