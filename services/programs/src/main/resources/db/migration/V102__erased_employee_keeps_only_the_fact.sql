-- After an erasure programs keeps an employee's id and the fact of the erasure only: their team, hours, time zone
-- and dates would single them out of a small team. Those columns may now be empty, for erased employees only.
alter table employee alter column team_id drop not null;
alter table employee alter column time_zone drop not null;
alter table employee alter column workday_start drop not null;
alter table employee alter column workday_end drop not null;
alter table employee alter column enrolled_at drop not null;
alter table employee add constraint employee_erased_or_complete check (
    erased_at is not null
    or (team_id is not null and time_zone is not null and workday_start is not null and workday_end is not null
        and enrolled_at is not null));

-- employees erased before this rule: forget the same for them
update employee set team_id = null, time_zone = null, workday_start = null, workday_end = null, standing_desk = false,
                    enrolled_at = null, left_at = null
where erased_at is not null;
delete from event_store e
using employee x
where x.erased_at is not null and e.tenant_id = x.tenant_id and e.stream_type = 'employee' and e.stream_id = x.id
  and e.event_type <> 'PersonalDataErased';
