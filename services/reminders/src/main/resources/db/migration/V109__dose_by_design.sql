-- Dose by design (issue 12): a break suggests a desk-friendly micro-break, the full routine comes once or twice a
-- day at a time the employee picks (a 'routine' reminder), floor or equipment routines stay out of working hours
-- unless the employee opts in, and a soft-tissue release is suggested at most 3 times per ISO week.

-- The recommendation's micro-breaks (JSON array of {exerciseId, title, minutes}; null: none, as in older events)
-- and what kind of routine it is. Old rows: no micro-breaks, neither flag.
alter table employee_routine add column micro_breaks text;
alter table employee_routine add column floor_or_equipment boolean not null default false;
alter table employee_routine add column soft_tissue_release boolean not null default false;

-- The employee's routine times (comma-separated MORNING, LUNCHTIME, END_OF_DAY; null: the default, END_OF_DAY;
-- empty: no routine reminders) and whether floor or equipment routines may be suggested during working hours.
alter table schedule add column routine_times text;
alter table schedule add column floor_exercises_at_work boolean not null default false;

-- A routine reminder: the chosen time it stands for (routine_time). What any reminder suggested is kept at claim:
-- suggestion_type (the personal suggestion's type; null on rows claimed before, read as they always were), the
-- micro-break (exercise_*), and whether the suggested routine is a soft-tissue release (counted per ISO week).
alter table due_reminder drop constraint due_reminder_kind_check;
alter table due_reminder add constraint due_reminder_kind_check
    check (kind in ('break', 'sit-stand', 'team-break', 'assessment-nudge', 'routine'));
alter table due_reminder add column routine_time text check (routine_time in ('MORNING', 'LUNCHTIME', 'END_OF_DAY'));
alter table due_reminder add column suggestion_type text;
alter table due_reminder add column exercise_id text;
alter table due_reminder add column exercise_title text;
alter table due_reminder add column exercise_minutes integer;
alter table due_reminder add column soft_tissue_release boolean not null default false;
-- the release cap counts an employee's routine reminders per week
create index due_reminder_release on due_reminder (tenant_id, employee_id, slot) where soft_tissue_release;

-- The latest reading of EACH assessment method (method lower-cased): a ROSA that found prolonged sitting still counts
-- after a newer assessment of another method that did not look at sitting time. employee_risk.high_risk is kept as
-- their combination (any latest reading high), as_of the newest of them.
create table employee_risk_reading (
    tenant_id   text        not null,
    employee_id uuid        not null,
    method      text        not null,
    high_risk   boolean     not null,
    as_of       timestamptz not null,
    primary key (tenant_id, employee_id, method)
);
-- Not seeded from employee_risk (its method is unknown): the first result after this migration starts the readings,
-- exactly as "newest wins" did before.
