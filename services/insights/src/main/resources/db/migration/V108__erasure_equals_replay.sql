-- An erasure now leaves exactly what a replay rebuilds. Once a person's key is destroyed a replay cannot open their
-- sealed records (EmployeeEnrolled, EmployeeLeft, AssessmentCompleted, RoutineRecommended, ExerciseSessionCompleted,
-- BreakTaken), so it has no membership, latest assessment, counters or facts from them, and it cannot learn their
-- time zone or the weeks of their membership. Live erasure used to keep all of that (de-identified, or under a random
-- id), and the two disagreed (the chaos harness' replay comparison).
--
-- From now on, on EmployeeErased (live and replayed alike): the membership, latest assessment and counters of the id
-- are deleted; facts of plain events become identity-free, counted for the team insights knew the person in, in their
-- UTC week. The tombstone keeps only that team and the event's erasedAt (nullable: never the time of consumption,
-- which differs between live and replay), and replays keep tombstones rather than rebuild them.
alter table insights_erased_employee drop column time_zone;
alter table insights_erased_employee drop column from_week;
alter table insights_erased_employee drop column until_week;
alter table insights_erased_employee alter column erased_at drop not null;

-- identity-free facts exist only because of erasures: those of sealed events are what a replay never has
delete from insights_fact
 where employee_id is null
   and kind in ('assessment-completed', 'routine-recommended', 'exercise-session', 'break-taken');

-- the zone came from the membership; identity-free facts count in their UTC week, as on a replay
alter table insights_fact drop column time_zone;

-- Rows earlier erasures moved to a random id cannot be told apart from anyone's (that was their point): the next
-- replay (POST /api/operator/insights/replay) drops them, as it rebuilds everything else from the topics.
