-- Sit/stand prompts, team break slots and assessment-campaign nudges share the queue with regular breaks.
-- kind: break and sit-stand form each employee's chain (each delivery queues the next); team-break and
-- assessment-nudge rows stand alone.
alter table due_reminder drop constraint due_reminder_kind_check;
alter table due_reminder add constraint due_reminder_kind_check
    check (kind in ('break', 'sit-stand', 'team-break', 'assessment-nudge'));
-- for an assessment nudge: the campaign and its due date (the message names it)
alter table due_reminder add column campaign_id uuid;
alter table due_reminder add column due_date date;

-- A team's daily break slot, set by an admin: every member is nudged at this local time on the team's zone,
-- on the days their own working hours cover it.
create table team_break (
    tenant_id  text        not null,
    team_id    uuid        not null,
    local_time text        not null,
    time_zone  text        not null,
    updated_at timestamptz not null,
    version    bigint      not null,
    primary key (tenant_id, team_id)
);
