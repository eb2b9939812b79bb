-- What a reminder suggested to its employee, kept on the reminder itself when the engine claims it: the messages
-- that go to employer systems (webhooks, Slack, Teams) no longer say it, so one-click Done (Slack button, Teams
-- link) records it from here and only the employee reads it (GET /api/me/reminders/{id}). routine_id (V102) is
-- the suggested routine; these complete it. exercises_withheld null: a row claimed before this migration.
alter table due_reminder add column routine_title text;
alter table due_reminder add column routine_minutes integer;
alter table due_reminder add column exercises_withheld boolean;
