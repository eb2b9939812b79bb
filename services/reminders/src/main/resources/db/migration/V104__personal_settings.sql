-- An employee's own settings on their schedule: working hours per weekday (JSON {"monday": {"start": "09:00",
-- "end": "17:00"}, ...}; null = the enrolment's working day, every day), lunch and quiet windows (local HH:mm),
-- a preferred cadence (within the program's bounds) and a pause.
alter table schedule add column working_hours text;
alter table schedule add column lunch_start text;
alter table schedule add column lunch_end text;
alter table schedule add column quiet_windows text;
alter table schedule add column preferred_minutes integer;
alter table schedule add column paused_until timestamptz;
