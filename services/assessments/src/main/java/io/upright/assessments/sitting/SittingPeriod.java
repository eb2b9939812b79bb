package io.upright.assessments.sitting;

import io.upright.platform.domain.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a sitting report answers for: {@code baseline}, {@code check-in-<n>} (the 4-week check-ins of a running
 * program, n = 1..{@value #MAX_CHECK_IN}) or {@code end}. A plain validated value: who is asked when is decided
 * elsewhere (a later step), so any period may be answered at any time.
 */
public record SittingPeriod(String value, int order) implements Comparable<SittingPeriod> {

    /** 26 four-week check-ins cover two years, longer than any program phase plan Upright offers. */
    public static final int MAX_CHECK_IN = 26;
    public static final String BASELINE = "baseline";
    public static final String END = "end";
    public static final String PATTERN = "^(baseline|check-in-([1-9]|1[0-9]|2[0-6])|end)$";

    // canonical spelling only (no leading zeros, lower case), so one period has exactly one name
    private static final Pattern CHECK_IN = Pattern.compile("check-in-([1-9][0-9]?)");

    public static SittingPeriod parse(String value) {
        if (value == null) {
            throw invalid();
        }
        if (value.equals(BASELINE)) {
            return new SittingPeriod(BASELINE, 0);
        }
        if (value.equals(END)) {
            return new SittingPeriod(END, MAX_CHECK_IN + 1);
        }
        Matcher m = CHECK_IN.matcher(value);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n <= MAX_CHECK_IN) {
                return new SittingPeriod(value, n);
            }
        }
        throw invalid();
    }

    /** Every period in order: baseline, check-in-1 … check-in-26, end. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(BASELINE);
        for (int n = 1; n <= MAX_CHECK_IN; n++) {
            all.add("check-in-" + n);
        }
        all.add(END);
        return List.copyOf(all);
    }

    public boolean isBaseline() {
        return order == 0;
    }

    @Override
    public int compareTo(SittingPeriod other) {
        return Integer.compare(order, other.order);
    }

    private static Rejection invalid() {
        // the value itself is not echoed: it may be anything a client put in a URL
        return Rejection.invalid("period", "must be baseline, check-in-1 … check-in-" + MAX_CHECK_IN + ", or end");
    }
}
