package io.upright.reminders.queue;

/** What a queued reminder is ({@code due_reminder.kind}); break and sit-stand rows form the employee's chain. */
public final class ReminderKind {

    public static final String BREAK = "break";
    public static final String SIT_STAND = "sit-stand";
    public static final String TEAM_BREAK = "team-break";
    public static final String ASSESSMENT_NUDGE = "assessment-nudge";
    /** An ask for the sitting self-report of a period (baseline, a check-in, the end): a nudge, like the above. */
    public static final String SITTING_CHECK_IN = "sitting-check-in";
    /** The full routine, once or twice a day at the employee's chosen times (breaks suggest only micro-breaks). */
    public static final String ROUTINE = "routine";

    private ReminderKind() {
    }

    /** break and sit-stand rows form the employee's chain: settling one queues the next. */
    public static boolean chained(String kind) {
        return BREAK.equals(kind) || SIT_STAND.equals(kind);
    }

    /** A nudge asks for something done in Upright itself (a desk check, a sitting check-in): no answer buttons. */
    public static boolean nudge(String kind) {
        return ASSESSMENT_NUDGE.equals(kind) || SITTING_CHECK_IN.equals(kind);
    }

    /** Nudges are not break reminders: no reminders-topic event tells of them. */
    public static boolean announced(String kind) {
        return !nudge(kind);
    }
}
