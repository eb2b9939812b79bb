package io.upright.local.bench;

import java.util.Locale;

/**
 * One row of a section: Upright's figure beside its baseline from the same run, their ratio, and the target.
 *
 * @param what     what was measured
 * @param upright  Upright's figure
 * @param baseline what a user would use instead, measured the same way in the same run
 * @param target   the lowest acceptable ratio, or null for a row that only explains another
 */
public record Comparison(String what, Measure upright, String baselineName, Measure baseline, Double target) {

    public double ratio() {
        return upright.rate() / baseline.rate();
    }

    public boolean met() {
        return target == null || ratio() >= target;
    }

    String row() {
        String targetCell = target == null ? "(explains the row above)"
                : String.format(Locale.ROOT, "≥ %.1f×: %s", target, met() ? "met" : "**not met**");
        return String.format(Locale.ROOT, "| %s | %s | %s: %s | %.2f× | %s |%n", what, upright.describe(), baselineName,
                baseline.describe(), ratio(), targetCell);
    }
}
