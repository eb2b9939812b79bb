package io.upright.local.bench;

import java.util.Locale;

/**
 * One row of a section: Upright's figure beside its baseline from the same run, their ratio, and the target.
 *
 * @param what     what was measured
 * @param upright  Upright's figure
 * @param baseline what a user would use instead, measured the same way in the same run
 * @param target   the lowest acceptable ratio, or null for a row that only explains another
 * @param ceiling  instead of a ratio, a limit Upright's own figure must stay under, in its unit (start-up time,
 *                 memory: there the baseline shows the floor beneath it), or null
 */
public record Comparison(String what, Measure upright, String baselineName, Measure baseline, Double target, Double ceiling) {

    public Comparison(String what, Measure upright, String baselineName, Measure baseline, Double target) {
        this(what, upright, baselineName, baseline, target, null);
    }

    /** A row whose target is that Upright's figure stays under {@code ceiling}, in the figure's unit. */
    public static Comparison under(String what, Measure upright, String baselineName, Measure baseline, double ceiling) {
        return new Comparison(what, upright, baselineName, baseline, null, ceiling);
    }

    public double ratio() {
        return upright.rate() / baseline.rate();
    }

    public boolean met() {
        if (ceiling != null) {
            return upright.rate() < ceiling;
        }
        return target == null || ratio() >= target;
    }

    String row() {
        String targetCell;
        if (ceiling != null) {
            targetCell = String.format(Locale.ROOT, "< %s %s: %s", String.format(Locale.ROOT, "%,.0f", ceiling).replace(',', ' '),
                    upright.unit(), met() ? "met" : "**not met**");
        } else {
            targetCell = target == null ? "(explains the row above)"
                    : String.format(Locale.ROOT, "≥ %.1f×: %s", target, met() ? "met" : "**not met**");
        }
        return String.format(Locale.ROOT, "| %s | %s | %s: %s | %.2f× | %s |%n", what, upright.describe(), baselineName,
                baseline.describe(), ratio(), targetCell);
    }
}
