package io.upright.local;

import io.upright.local.bench.MarkedSections;
import io.upright.localinfra.Directories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./upright measure}: starts the whole stack on fresh state and random ports, measures how long until
 * all five services are ready and what each service process holds in memory (RSS) once idle, and writes
 * the figures into docs/benchmarks.md between markers. Runs beside a running {@code ./upright up}.
 */
final class StartupBenchmark {

    static final String BEGIN = "<!-- startup-benchmark:begin -->";
    static final String END = "<!-- startup-benchmark:end -->";

    private StartupBenchmark() {
    }

    static void run(Path root, int rounds) throws IOException {
        List<Long> readyMillis = new ArrayList<>();
        Map<String, List<Long>> rssKb = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Path home = Files.createTempDirectory("upright-measure");
            Instant start = Instant.now();
            try (LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, home, Duration.ofMinutes(60)))) {
                stack.start(message -> { });
                long ready = Duration.between(start, Instant.now()).toMillis();
                readyMillis.add(ready);
                sleep(Duration.ofSeconds(10)); // let start-up garbage settle before reading memory
                for (Map.Entry<String, Long> service : stack.pids().entrySet()) {
                    rssKb.computeIfAbsent(service.getKey(), k -> new ArrayList<>()).add(rssOf(service.getValue()));
                }
                System.out.printf("round %d: all five ready %.1f s after start (Kafka and PostgreSQL included)%n", round, ready / 1000.0);
            } finally {
                Directories.deleteQuietly(home);
            }
        }
        String table = table(readyMillis, rssKb);
        System.out.println(table);
        write(root.resolve("docs/benchmarks.md"), table);
    }

    private static String table(List<Long> readyMillis, Map<String, List<Long>> rssKb) {
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(readyMillis.size())
                .append(" cold start(s) on fresh state; services run with `-Xmx256m -XX:+UseSerialGC`.\n\n");
        out.append("| what | median | min | max |\n|---|---|---|---|\n");
        out.append(row("start to all five ready (s), incl. Kafka + PostgreSQL", readyMillis, 1000.0));
        for (Map.Entry<String, List<Long>> service : rssKb.entrySet()) {
            out.append(row(service.getKey() + " RSS after start (MB)", service.getValue(), 1024.0));
        }
        return out.toString();
    }

    private static String row(String what, List<Long> values, double divisor) {
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("| %s | %.1f | %.1f | %.1f |%n", what, sorted.get(sorted.size() / 2) / divisor,
                sorted.get(0) / divisor, sorted.get(sorted.size() - 1) / divisor);
    }

    private static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: report nothing rather than a wrong figure
        }
        return -1;
    }

    private static void write(Path doc, String table) throws IOException {
        MarkedSections.replace(doc, BEGIN, END, table);
        System.out.println("Written to " + doc);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
