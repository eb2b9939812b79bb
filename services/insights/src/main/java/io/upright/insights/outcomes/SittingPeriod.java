package io.upright.insights.outcomes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A questionnaire period as {@code SittingReported} names it: {@code baseline}, {@code check-in-<n>} or {@code end}.
 * {@link #order()} ranks them in program time, so "a person's latest period after baseline" is the highest: {@code end}
 * above every check-in, a higher check-in above a lower one.
 */
public record SittingPeriod(String name, int order) implements Comparable<SittingPeriod> {

    public static final String BASELINE = "baseline";
    public static final String END = "end";

    private static final Pattern CHECK_IN = Pattern.compile("check-in-([1-9][0-9]{0,2})");

    /** @return empty for a name that is none of the three forms (it is not stored: no pair could use it) */
    public static Optional<SittingPeriod> parse(String name) {
        if (BASELINE.equals(name)) {
            return Optional.of(new SittingPeriod(name, 0));
        }
        if (END.equals(name)) {
            return Optional.of(new SittingPeriod(name, Integer.MAX_VALUE));
        }
        Matcher m = name == null ? null : CHECK_IN.matcher(name);
        if (m != null && m.matches()) {
            return Optional.of(new SittingPeriod(name, Integer.parseInt(m.group(1))));
        }
        return Optional.empty();
    }

    public boolean baseline() {
        return order == 0;
    }

    @Override
    public int compareTo(SittingPeriod other) {
        return Integer.compare(order, other.order);
    }
}
