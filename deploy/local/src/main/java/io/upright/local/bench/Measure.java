package io.upright.local.bench;

import java.util.Locale;

/**
 * One measured figure: a rate, and where the benchmark has them, the latencies behind it.
 *
 * @param rate      operations per second
 * @param unit      what one operation is, e.g. {@code events/s}, {@code req/s}
 * @param latencies the percentiles as the suite writes them, or null
 */
public record Measure(double rate, String unit, String latencies) {

    public static Measure of(double rate, String unit) {
        return new Measure(rate, unit, null);
    }

    public static Measure of(double rate, String unit, Latencies latencies) {
        return new Measure(rate, unit, latencies.describe());
    }

    /** {@code 2 414 events/s (p50 0.41 · p99 2.10 · max 5.32 ms)} */
    public String describe() {
        String value = String.format(Locale.ROOT, "%,.0f", rate).replace(',', ' ') + " " + unit;
        return latencies == null ? value : value + " (" + latencies + ")";
    }
}
