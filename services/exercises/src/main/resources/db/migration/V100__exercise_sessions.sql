-- Read model of logged exercise sessions, kept in step with the event store in the same transaction.
create table exercise_session (
    tenant_id    text        not null,
    id           uuid        not null,
    employee_id  uuid        not null,
    routine_id   text,
    exercise_id  text,
    minutes      integer     not null check (minutes between 1 and 240),
    felt_rating  integer     not null check (felt_rating between 1 and 5),
    completed_at timestamptz not null,
    primary key (tenant_id, id),
    -- exactly one of routine or single exercise
    check ((routine_id is null) <> (exercise_id is null))
);
create index exercise_session_by_employee on exercise_session (tenant_id, employee_id, completed_at desc);
