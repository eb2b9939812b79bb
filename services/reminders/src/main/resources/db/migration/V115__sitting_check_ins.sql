-- Sitting check-ins (issue 15): reminders asks each person for their occupational sitting self-report at enrolment
-- (baseline), when each four-weekly check-in of their program opens and at its end, on the calendar the services
-- share (SittingCalendar). An ask is a nudge: no answer buttons, the answer is given in Upright itself. Every member is
-- asked once per period whether or not they answered already, so nothing the employer's systems see of the asks
-- varies with anyone's answers.
alter table due_reminder drop constraint due_reminder_kind_check;
alter table due_reminder add constraint due_reminder_kind_check
    check (kind in ('break', 'sit-stand', 'team-break', 'assessment-nudge', 'routine', 'sitting-check-in'));
