package io.upright.local.bench;

import io.upright.localinfra.Directories;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's tiny run, in every build (issue 17: "a tiny run of the suite is part of .ci/run, so the harness cannot
 * rot"): each benchmark still starts what it needs, drives the platform's classes and the packaged services, measures
 * its baseline, and writes its section; into target/, never into docs/benchmarks.md. The figures of a tiny run mean
 * nothing, so nothing here compares them with a target.
 */
class BenchmarkSuiteIT {

    @Test
    void a_tiny_run_of_every_benchmark_measures_both_sides_and_leaves_the_docs_alone() throws Exception {
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        Path home = root.resolve("deploy/local/target/bench-home"); // a real disk, as the benchmarks want
        String docs = Files.readString(root.resolve(BenchmarkSuite.DOC));
        try {
            BenchmarkSuite.Outcome outcome = new BenchmarkSuite(root, home, System.out).run(BenchmarkSuite.parse(List.of("--tiny")));

            for (Map.Entry<String, Throwable> failure : outcome.failures().entrySet()) {
                throw new AssertionError("benchmark " + failure.getKey() + " failed", failure.getValue());
            }
            assertThat(outcome.reports()).containsOnlyKeys("append", "relay", "rest", "consumers", "read-model", "startup", "reminders", "instances");
            outcome.reports().forEach((name, report) -> {
                assertThat(report.rows()).as(name).isNotEmpty();
                report.rows().forEach(row -> {
                    assertThat(row.upright().rate()).as(name + ": " + row.what()).isPositive().isFinite();
                    assertThat(row.baseline().rate()).as(name + ": baseline of " + row.what()).isPositive().isFinite();
                });
            });
            assertThat(outcome.reports().get("rest").rows()).hasSize(5);
            String tiny = Files.readString(root.resolve(BenchmarkSuite.TINY_REPORT));
            for (String name : List.of("append", "relay", "rest", "consumers", "read-model", "startup", "reminders", "instances")) {
                assertThat(tiny).contains(MarkedSections.begin(name), MarkedSections.end(name), "./upright bench --tiny " + name);
            }
            assertThat(Files.readString(root.resolve(BenchmarkSuite.DOC))).as("docs/benchmarks.md").isEqualTo(docs);
        } finally {
            Directories.deleteQuietly(home);
        }
    }
}
