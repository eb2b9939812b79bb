-- What a reminder suggested (so Done can name the routine), its kind, and the one snooze redelivery.

-- the routine the delivered message suggested (null: a walk or the general prompt)
alter table due_reminder add column routine_id text;
-- break | sit-stand | team-break (BreakReminderSent.kind)
alter table due_reminder add column kind text not null default 'break'
    check (kind in ('break', 'sit-stand', 'team-break'));
-- set when the employee snoozed: the same row goes back to 'pending' with due_at = snoozed_until and is
-- delivered once more; a row with snoozed_until set is never snoozed again
alter table due_reminder add column snoozed_until timestamptz;
-- the contract reason of a failed reminder (endpoint-gone, rejected, retries-exhausted, address-refused,
-- no-channel; null for older rows and for an unknown outcome)
alter table due_reminder add column failure_reason text;
