-- Sessions are timed in seconds (SessionLogged v2, exercise-session-completed.v2): 30- and 90-second desk
-- micro-breaks do not fit whole minutes. Earlier rows were whole minutes, so their seconds are exact. minutes stays
-- for the API's older readers, rounded half up from seconds: 0 for a session under 30 seconds.
alter table exercise_session add column seconds integer;
update exercise_session set seconds = minutes * 60;
alter table exercise_session alter column seconds set not null;
alter table exercise_session add constraint exercise_session_seconds_check check (seconds between 1 and 14400);
alter table exercise_session drop constraint exercise_session_minutes_check;
alter table exercise_session add constraint exercise_session_minutes_check check (minutes between 0 and 240);
