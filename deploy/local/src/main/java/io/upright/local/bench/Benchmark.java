package io.upright.local.bench;

/**
 * One benchmark of the suite ({@code ./upright bench <name>}): it starts what it needs, measures Upright's figure and
 * its baseline in the same run, stops everything again, and returns the rows for its section of docs/benchmarks.md.
 */
public interface Benchmark {

    /** The suite name: {@code ./upright bench <name>}, and its section's markers {@code <!-- bench-<name>:begin -->}. */
    String name();

    /** What it measures, in a few words, for the progress lines. */
    String title();

    /** Measures once. Throws when it could not measure: a half-measured section is never written. */
    Report run(BenchRun run) throws Exception;
}
