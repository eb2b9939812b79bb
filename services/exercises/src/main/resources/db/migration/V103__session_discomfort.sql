-- Optional discomfort (0 none .. 10 worst) logged with a session: progression steps back a level when it rises.
-- A pain value, so it stays here and never travels on a topic.
alter table exercise_session add column discomfort integer check (discomfort between 0 and 10);
