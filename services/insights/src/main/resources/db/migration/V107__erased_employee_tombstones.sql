-- Late facts after an erasure (issue 13). Records on different topics have no order, so a break or an exercise
-- session of an employee can reach insights after their EmployeeErased. Live it used to stay under the erased id,
-- which belongs to no team any more (not counted, and still linked to the id), while a replay, which applies
-- erasures last, counted it: the two disagreed.
--
-- Now an erasure keeps a tombstone per erased id: the team and time zone it was counted in and the ISO weeks of
-- that membership (Mondays), nothing else. It holds no link to the fresh random id the person's other rows moved
-- to, no health data, no hours and no dates finer than a week; the employer knew the team and zone already (they
-- enrolled the person), and team membership is not health data. Every fact of an erased id, whether it was there
-- at the erasure or arrives after it, becomes an identity-free fact: employee_id null, with the team (when its
-- local week lies in the membership) and the zone. Both orders end in the same rows, so live figures equal a
-- replay's. Identity-free facts add to a team week's counts and minutes, never to its distinct people
-- (they count as at most one extra "person the figures are about", so a cell holding only them is not empty).
create table insights_erased_employee (
    tenant_id   text        not null,
    employee_id uuid        not null,
    team_id     uuid,
    time_zone   text,
    from_week   date,
    until_week  date,
    erased_at   timestamptz not null,
    primary key (tenant_id, employee_id)
);

alter table insights_fact alter column employee_id drop not null;
alter table insights_fact add column team_id uuid;
alter table insights_fact add column time_zone text;
create index insights_fact_identity_free on insights_fact (tenant_id, team_id) where employee_id is null;

-- Facts an erasure already re-keyed to a random id before this change stay as they were (counted under that id).
