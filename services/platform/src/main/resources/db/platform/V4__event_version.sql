-- Each stored event carries the schema version it was written with, next to its stable name (@EventName), so an
-- event's shape can change with an upcaster instead of a migration that rewrites history. Rows so far are version 1.
alter table event_store add column event_version integer not null default 1 check (event_version > 0);
