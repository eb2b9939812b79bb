package io.upright.web.sitting;

/** A period's name as people read it: baseline, check-in n, end, in the page's language. Pure. */
public final class SittingPeriods {

    private static final String CHECK_IN = "check-in-";

    private SittingPeriods() {
    }

    public static String label(String period, SittingMessages words) {
        if ("baseline".equals(period)) {
            return words.periodBaseline();
        }
        if ("end".equals(period)) {
            return words.periodEnd();
        }
        if (period != null && period.startsWith(CHECK_IN)) {
            try {
                return words.periodCheckIn(Integer.parseInt(period.substring(CHECK_IN.length())));
            } catch (NumberFormatException e) {
                return period;
            }
        }
        return period;
    }
}
