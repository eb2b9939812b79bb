package io.upright.reminders.slackapp;

import java.util.Optional;
import java.util.UUID;

/**
 * A button press as its value tells it: {@code done:<id>}, {@code snooze:<id>}, {@code skip:<id>}. Done records what
 * the reminder suggested to the employee ({@code activity}/{@code activeMinutes} null). Messages posted before the
 * value stopped saying it carry {@code done:<id>:<activity>:<minutes>}; those are still read as written.
 */
public record SlackAction(String action, UUID reminderId, String activity, Integer activeMinutes) {

    public static final String DONE = "done";
    public static final String SNOOZE = "snooze";
    public static final String SKIP = "skip";
    /** Not an answer ("Show my routine"): opens the person's own suggestion for this break in a modal only they see. */
    public static final String SUGGESTION = "suggestion";

    /** @return empty for a value this service did not write */
    public static Optional<SlackAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(":", -1);
        try {
            if (parts.length == 4 && DONE.equals(parts[0])) {
                return Optional.of(new SlackAction(DONE, UUID.fromString(parts[1]), parts[2], Integer.valueOf(parts[3])));
            }
            if (parts.length == 2 && (DONE.equals(parts[0]) || SNOOZE.equals(parts[0]) || SKIP.equals(parts[0]) || SUGGESTION.equals(parts[0]))) {
                return Optional.of(new SlackAction(parts[0], UUID.fromString(parts[1]), null, null));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
