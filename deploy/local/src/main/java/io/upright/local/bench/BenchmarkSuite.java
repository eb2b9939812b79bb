package io.upright.local.bench;

import io.upright.localinfra.Directories;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./upright bench [--tiny] [name…]}: runs the named benchmarks (all when none is named), one after the other,
 * each measuring its baseline in the same run, and rewrites each one's section of docs/benchmarks.md. With
 * {@code --tiny} every benchmark runs for seconds, once, and the sections go to {@code deploy/local/target/bench-tiny.md}
 * instead: the build runs that, so a benchmark that no longer works fails the build, and the docs only ever hold real
 * runs. A benchmark that throws fails the suite (exit status 1) after the others ran.
 */
public final class BenchmarkSuite {

    /** Every benchmark of the suite, in the order they run. */
    public static final List<Benchmark> ALL = List.of(new AppendBenchmark(), new RelayBenchmark(), new RestReadsBenchmark(),
            new ConsumersBenchmark(), new ReadModelBenchmark(), new StartupBenchmark(), new ReminderEngineSuiteBenchmark(),
            new TwoInstancesBenchmark());

    static final String DOC = "docs/benchmarks.md";
    static final String TINY_REPORT = "deploy/local/target/bench-tiny.md";

    /** What a run was asked for. */
    public record Request(List<Benchmark> benchmarks, boolean tiny) {
    }

    /** What a run did: each benchmark's report, and the failures, by name. */
    public record Outcome(Map<String, Report> reports, Map<String, Throwable> failures) {
        public boolean succeeded() {
            return failures.isEmpty();
        }
    }

    private final Path root;
    private final Path home;
    private final PrintStream out;

    /** @param home where {@code ./upright up} keeps its state: the benchmarks put their data on the same disk */
    public BenchmarkSuite(Path root, Path home, PrintStream out) {
        this.root = root;
        this.home = home;
        this.out = out;
    }

    /** Reads {@code [--tiny] [name…]} (other {@code --options} with a value, like the launcher's {@code --root}, are skipped). */
    public static Request parse(List<String> args) {
        boolean tiny = false;
        List<Benchmark> named = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--tiny")) {
                tiny = true;
            } else if (arg.startsWith("--")) {
                i++; // the launcher's own options carry a value
            } else {
                named.add(ALL.stream().filter(b -> b.name().equals(arg)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("No benchmark " + arg + "; the suite has " + names())));
            }
        }
        return new Request(named.isEmpty() ? ALL : List.copyOf(named), tiny);
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(Benchmark::name).toList());
    }

    public Outcome run(Request request) throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        Map<String, Throwable> failures = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Path tinyReport = root.resolve(TINY_REPORT);
        if (request.tiny()) {
            Files.deleteIfExists(tinyReport); // a stale file must not pass for this run's
        }
        for (Benchmark benchmark : request.benchmarks()) {
            out.println((request.tiny() ? "Tiny run of " : "Benchmark ") + benchmark.name() + ": " + benchmark.title());
            Path work = home.resolve("bench").resolve(benchmark.name());
            Directories.deleteQuietly(work);
            Files.createDirectories(work);
            String loadBefore = Machine.loadAverage();
            Instant started = Instant.now();
            try {
                Report report = benchmark.run(new BenchRun(root, work, request.tiny(), out));
                reports.put(benchmark.name(), report);
                String section = report.render(header(request.tiny(), loadBefore), reproduce(benchmark, request.tiny()));
                sections.put(benchmark.name(), section);
                out.println(section);
                if (request.tiny()) {
                    writeTiny(tinyReport, sections);
                } else {
                    MarkedSections.replace(root.resolve(DOC), MarkedSections.begin(benchmark.name()), MarkedSections.end(benchmark.name()), section);
                    out.println("Written to " + DOC);
                }
                Directories.deleteQuietly(work);
            } catch (Exception | Error e) {
                failures.put(benchmark.name(), e);
                out.println(benchmark.name() + " FAILED: " + e);
                e.printStackTrace(out);
                out.println("Its data and service logs are kept in " + work);
            }
            out.printf("%s took %d s%n%n", benchmark.name(), Duration.between(started, Instant.now()).toSeconds());
        }
        return new Outcome(reports, failures);
    }

    private static String header(boolean tiny, String loadBefore) {
        String when = (tiny ? "Tiny run (seconds, one round: proves the harness works, measures nothing) " : "Measured ")
                + LocalDate.now(ZoneOffset.UTC);
        return when + " on " + Machine.describe() + " (load average " + loadBefore + " before, " + Machine.loadAverage() + " after).";
    }

    private static String reproduce(Benchmark benchmark, boolean tiny) {
        return "./upright bench " + (tiny ? "--tiny " : "") + benchmark.name();
    }

    private static void writeTiny(Path file, Map<String, String> sections) throws IOException {
        StringBuilder text = new StringBuilder("# Tiny benchmark run\n\nWritten by `./upright bench --tiny`: not figures to quote.\n");
        sections.forEach((name, section) -> text.append("\n## ").append(name).append("\n\n")
                .append(MarkedSections.begin(name)).append('\n').append(section).append(MarkedSections.end(name)).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
    }
}
