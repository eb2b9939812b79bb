package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.upright.localinfra.Directories;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./upright bench-roster}: imports a roster of {@code --rows} people in {@code --teams} teams through programs'
 * public API ({@code POST /api/roster-imports}), on the packaged programs service with the durable settings
 * {@code ./upright up} uses, and writes the timing into docs/benchmarks.md between markers: the preview (synchronous),
 * the apply (202, then {@code GET} its Location until it is finished), the outbox drained to Kafka, and the same file
 * imported again (every row unchanged).
 */
final class RosterImportBenchmark {

    static final String BEGIN = "<!-- roster-import-benchmark:begin -->";
    static final String END = "<!-- roster-import-benchmark:end -->";
    static final String TENANT = "bench-roster";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Settings(int rows, int teams) {
    }

    private record Timed(Duration took, JsonNode answer) {
        double seconds() {
            return took.toMillis() / 1000.0;
        }
    }

    private RosterImportBenchmark() {
    }

    static void run(Path root, Settings settings) throws Exception {
        Path home = Files.createTempDirectory("upright-bench-roster");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("programs", LocalStack.freePort());
        LocalStack.Options options = new LocalStack.Options(root, home, 0, 0, ports, Duration.ofMinutes(45));
        String loadBefore = loadAverage();
        try (LocalStack stack = new LocalStack(options)) {
            stack.start(message -> System.out.println("  " + message));
            String base = stack.baseUrl("programs");
            String hr = stack.tokens().issue(TENANT, "bench-hr", "hr");
            String csv = roster(settings);
            System.out.printf("Roster of %d rows in %d teams, %d KB%n", settings.rows(), settings.teams(), csv.length() / 1024);

            Timed preview = post(base, hr, "preview", csv);
            check(preview.answer().path("valid").asBoolean(), "the preview found errors: " + preview.answer().path("summary"));
            System.out.printf("preview: %.1f s%n", preview.seconds());

            Instant started = Instant.now();
            Timed accepted = post(base, hr, "apply", csv);
            Timed applied = await(base, hr, accepted.answer().path("id").asText(), started);
            check("succeeded".equals(applied.answer().path("status").asText()), "the import did not succeed: " + applied.answer());
            System.out.printf("apply: accepted in %d ms, finished after %.1f s%n", accepted.took().toMillis(), applied.seconds());
            Duration drained = awaitOutboxDrained(stack.jdbcUrl("programs"), started);
            System.out.printf("outbox drained to Kafka %.1f s after the apply was sent%n", drained.toMillis() / 1000.0);

            Timed again = post(base, hr, "preview", csv);
            Instant restarted = Instant.now();
            Timed reaccepted = post(base, hr, "apply", csv);
            Timed reapplied = await(base, hr, reaccepted.answer().path("id").asText(), restarted);
            check(reapplied.answer().path("outcome").path("summary").path("unchanged").asInt() == settings.rows(),
                    "the second import changed something: " + reapplied.answer().path("outcome").path("summary"));

            String table = table(settings, csv.length(), preview, accepted, applied, drained, again, reapplied,
                    loadBefore + " / " + loadAverage());
            System.out.println(table);
            ReminderEngineBenchmark.write(root.resolve("docs/benchmarks.md"), table, BEGIN, END);
        } finally {
            Directories.deleteQuietly(home);
        }
    }

    /** Generated people: unique emails, names with a comma now and then (quoted), spread over the teams. */
    static String roster(Settings settings) {
        String[] zones = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo", "UTC"};
        StringBuilder csv = new StringBuilder("email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n");
        for (int i = 0; i < settings.rows(); i++) {
            String name = i % 7 == 0 ? "\"Person, No. " + i + "\"" : "Person " + i;
            csv.append("person").append(i).append("@bench.example,").append(name).append(",Team ")
                    .append(i % settings.teams()).append(',').append(zones[i % zones.length]).append(",0")
                    .append(7 + i % 3).append(":00,1").append(5 + i % 3).append(":30,")
                    .append(i % 2 == 0 ? "@person" + i : "").append(',').append(i % 4 == 0).append('\n');
        }
        return csv.toString();
    }

    private static Timed post(String base, String token, String mode, String csv) throws IOException, InterruptedException {
        Instant start = Instant.now();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/roster-imports?mode=" + mode))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(start, Instant.now());
        int expected = "apply".equals(mode) ? 202 : 200;
        check(response.statusCode() == expected, mode + " answered " + response.statusCode() + ": "
                + response.body().substring(0, Math.min(500, response.body().length())));
        return new Timed(took, Api.JSON.readTree(response.body()));
    }

    /** Follows the import's Location as a client does, once a second, until it is finished. */
    private static Timed await(String base, String token, String id, Instant started) throws Exception {
        Instant deadline = started.plus(Duration.ofMinutes(30));
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/roster-imports/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode status = Api.JSON.readTree(response.body());
            String state = status.path("status").asText();
            if (!"queued".equals(state) && !"running".equals(state)) {
                return new Timed(Duration.between(started, Instant.now()), status);
            }
            System.out.printf("  %s: %d of %d rows%n", state, status.path("rowsDone").asInt(), status.path("totalRows").asInt());
            check(Instant.now().isBefore(deadline), "the import did not finish within 30 minutes");
            Thread.sleep(1000);
        }
    }

    private static Duration awaitOutboxDrained(String jdbc, Instant started) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (ReminderEngineBenchmark.count(jdbc, "select count(*) from outbox where published_at is null") > 0) {
            check(Instant.now().isBefore(deadline), "the outbox did not drain within 10 minutes");
            ReminderEngineBenchmark.sleep(Duration.ofMillis(250));
        }
        return Duration.between(started, Instant.now());
    }

    private static String table(Settings settings, int bytes, Timed preview, Timed accepted, Timed applied, Duration drained,
                                Timed again, Timed reapplied, String load) {
        int rows = settings.rows();
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (shared with other work, load average before / after ").append(load).append("), ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version"))
                .append(": one packaged programs instance, PostgreSQL and Kafka with the durable settings of `./upright up`, ")
                .append("a generated roster of ").append(rows).append(" people in ").append(settings.teams())
                .append(" teams (").append(bytes / 1024).append(" KB).\n\n");
        out.append("| what | time | rows/s |\n|---|---|---|\n");
        out.append(row("preview of the new file (synchronous, writes nothing)", preview.seconds(), rows));
        out.append(String.format(Locale.ROOT, "| apply accepted (checked, queued: `202` + `Location`) | %d ms | |%n",
                accepted.took().toMillis()));
        out.append(row("apply finished: " + settings.teams() + " teams formed, " + rows
                + " people enrolled, one transaction (seen by polling `GET /api/roster-imports/{id}` once a second)",
                applied.seconds(), rows));
        out.append(row("all " + (settings.teams() + 2L * rows) + " integration events published to Kafka (outbox drained)",
                drained.toMillis() / 1000.0, rows));
        out.append(row("preview of the same file again (every row unchanged)", again.seconds(), rows));
        out.append(row("apply of the same file again (nothing written)", reapplied.seconds(), rows));
        out.append("\nReproduce: `./upright bench-roster --rows ").append(rows).append(" --teams ").append(settings.teams())
                .append("`\n");
        return out.toString();
    }

    private static String row(String what, double seconds, int rows) {
        return String.format(Locale.ROOT, "| %s | %.1f s | %.0f |%n", what, seconds, rows / Math.max(0.001, seconds));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
