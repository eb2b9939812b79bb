package io.upright.reminders.queue;

/** What a queued reminder is ({@code due_reminder.kind}); break and sit-stand rows form the employee's chain. */
public final class ReminderKind {

    public static final String BREAK = "break";
    public static final String SIT_STAND = "sit-stand";
    public static final String TEAM_BREAK = "team-break";
    public static final String ASSESSMENT_NUDGE = "assessment-nudge";
    /** The full routine, once or twice a day at the employee's chosen times (breaks suggest only micro-breaks). */
    public static final String ROUTINE = "routine";

    private ReminderKind() {
    }

    /** break and sit-stand rows form the employee's chain: settling one queues the next. */
    public static boolean chained(String kind) {
        return BREAK.equals(kind) || SIT_STAND.equals(kind);
    }

    /** Assessment nudges are not break reminders: no reminders-topic event tells of them. */
    public static boolean announced(String kind) {
        return !ASSESSMENT_NUDGE.equals(kind);
    }
}
