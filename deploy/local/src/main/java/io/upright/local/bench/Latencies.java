package io.upright.local.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one series of operations, in nanoseconds, and the percentiles the suite reports. */
public final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    public static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public static Latencies of(LongList nanos) {
        return new Latencies(nanos.sortedCopy());
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile in milliseconds; NaN for an empty series. */
    public double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** {@code p50 0.41 · p99 2.10 · max 5.32 ms} */
    public String describe() {
        return String.format(Locale.ROOT, "p50 %s · p99 %s · max %s ms", millis(percentileMillis(50)),
                millis(percentileMillis(99)), millis(maxMillis()));
    }

    private static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    /** A growable list of longs, so a load generator's thread records without boxing. */
    public static final class LongList {
        private long[] values = new long[1024];
        private int size;

        public void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        public int size() {
            return size;
        }

        public void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long[] sortedCopy() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
