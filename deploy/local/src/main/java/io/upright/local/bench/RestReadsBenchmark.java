package io.upright.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.local.Api;
import io.upright.local.DeskAnswers;
import io.upright.local.JitChoice;
import io.upright.local.LocalStack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./upright bench rest}: four reads people make all day, each against the authenticated no-op of the same
 * service ({@code GET /api/me/identity}, the platform's: the same token verification, nothing read), with the same
 * token, under the same closed-loop load. The packaged services run as {@code ./upright up} runs them.
 */
public final class RestReadsBenchmark implements Benchmark {

    private static final String TENANT = "bench";
    private static final String IDENTITY = "/api/me/identity";

    /** One read, the service it is on, who reads it, and the issue's target for its ratio to the no-op. */
    private record Read(String what, String service, String path, String token, double target) {
    }

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public String title() {
        return "REST reads against an authenticated no-op of the same service";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int users = run.size(16, 4);
        Duration warmUp = Duration.ofSeconds(run.size(10, 1));
        Duration window = Duration.ofSeconds(run.size(30, 2));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : List.of("programs", "assessments", "exercises", "insights")) {
            ports.put(service, LocalStack.freePort());
        }
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), run.work(), 0, 0, ports, Duration.ofMinutes(60)));
        Optional<Profiling> profiling = Profiling.of(run, name(), configured, ports.keySet());
        Instant measuredFrom;
        Report report;
        try (LocalStack stack = configured) {
            stack.start(run::progress);
            List<Read> reads = seed(stack, run);
            ClosedLoop load = new ClosedLoop(users, warmUp, window);
            measuredFrom = Instant.now();
            report = new Report(String.format(Locale.ROOT, "Packaged programs, assessments, exercises and insights as "
                    + "`./upright up` runs them (one JVM each: %s), "
                    + "PostgreSQL and Kafka with the durable settings; one tenant with one team, one employee who submitted a "
                    + "workstation-basics assessment, one launched program. A closed-loop generator on the JDK HTTP client "
                    + "(HTTP/1.1, in the benchmark's JVM on the same cores) with %d users, each sending its next request when "
                    + "the answer arrived: %d s of warm-up, then %d s measured, for each read and, just before or after it "
                    + "(alternating), for `GET %s` on the same service with the same bearer token.",
                    jvms(ports.keySet()), users, warmUp.toSeconds(), window.toSeconds(), IDENTITY));
            for (int i = 0; i < reads.size(); i++) {
                Read read = reads.get(i);
                HttpRequest subject = request(stack.baseUrl(read.service()) + read.path(), read.token());
                HttpRequest noOp = request(stack.baseUrl(read.service()) + IDENTITY, read.token());
                ClosedLoop.Result readResult;
                ClosedLoop.Result noOpResult;
                if (i % 2 == 0) {
                    noOpResult = load.run(noOp);
                    readResult = load.run(subject);
                } else {
                    readResult = load.run(subject);
                    noOpResult = load.run(noOp);
                }
                run.progress(String.format(Locale.ROOT, "%s: %.0f req/s, no-op %.0f req/s", read.what(),
                        readResult.perSecond(), noOpResult.perSecond()));
                report.row(new Comparison(read.what() + " (" + read.service() + ")", readResult.measure(),
                        "`GET " + IDENTITY + "`", noOpResult.measure(), read.target()));
            }
            report.note("Latencies are from sending a request to its whole answer, as the generator's users saw them.");
        }
        if (profiling.isPresent()) {
            run.progress("profile summary: " + profiling.get().summarise(measuredFrom, Instant.now()));
        }
        return report;
    }

    /** A tenant to read from, set up through the public APIs as HR and the employee would. */
    private static List<Read> seed(LocalStack stack, BenchRun run) {
        String hr = stack.tokens().issue(TENANT, "bench-hr", "hr");
        Api programs = new Api(stack.baseUrl("programs"), hr);
        String team = programs.post("/api/teams", Map.of("name", "Benchmark")).path("id").asText();
        ObjectNode person = Api.JSON.createObjectNode().put("displayName", "Bench Person").put("email", "bench@bench.example")
                .put("timeZone", "UTC").put("workdayStart", "08:00").put("workdayEnd", "17:00").put("standingDesk", false);
        String employeeId = programs.post("/api/teams/" + team + "/employees", person).path("id").asText();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Sit less, move more");
        draft.put("teamIds", List.of(team));
        draft.put("minBreakEveryMinutes", 20);
        draft.put("maxBreakEveryMinutes", 90);
        draft.put("phases", List.of(Map.of("startWeek", 1, "breakEveryMinutes", 60, "dailyActiveMinutesTarget", 120),
                Map.of("startWeek", 3, "breakEveryMinutes", 45, "dailyActiveMinutesTarget", 180)));
        String program = programs.post("/api/programs", draft).path("id").asText();
        programs.post("/api/programs/" + program + "/launch", Map.of("startsOn", LocalDate.now(ZoneOffset.UTC).toString()));

        String employee = stack.tokens().issue(TENANT, employeeId, "employee");
        Api assessments = new Api(stack.baseUrl("assessments"), employee);
        String assessment = assessments.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
        assessments.put("/api/assessments/" + assessment + "/answers", Map.of("answers", DeskAnswers.riskyDesk()));
        assessments.post("/api/assessments/" + assessment + "/submission", Map.of());
        // exercises recommends once the assessment's result reached it through Kafka
        Api exercises = new Api(stack.baseUrl("exercises"), employee);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (exercises.status("/api/me/recommendation") != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("exercises made no recommendation within 2 minutes of the assessment");
            }
            sleep(Duration.ofMillis(250));
        }
        // insights shows the program once the launch reached it through Kafka
        Api insights = new Api(stack.baseUrl("insights"), hr);
        while (insights.status("/api/insights/programs/" + program) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("insights did not show the program within 2 minutes of its launch");
            }
            sleep(Duration.ofMillis(250));
        }
        run.progress("seeded: a team, employee " + employeeId + " with a submitted assessment and a recommendation, program " + program);
        return List.of(
                new Read("catalogue `GET /api/exercises`", "exercises", "/api/exercises", employee, 0.5),
                new Read("recommendation `GET /api/me/recommendation`", "exercises", "/api/me/recommendation", employee, 0.5),
                new Read("latest assessment `GET /api/me/assessments/latest`", "assessments", "/api/me/assessments/latest", employee, 0.5),
                new Read("HR program view `GET /api/insights/programs/{id}`", "insights", "/api/insights/programs/" + program, hr, 0.2),
                new Read("HR program definition `GET /api/programs/{id}`", "programs", "/api/programs/" + program, hr, 0.5));
    }

    /** The services' JVM options, once when they all run the same. */
    static String jvms(Collection<String> services) {
        Map<String, String> each = new LinkedHashMap<>();
        services.forEach(s -> each.put(s, "`" + JitChoice.describe(s) + "`"));
        return new HashSet<>(each.values()).size() == 1 ? each.values().iterator().next()
                : String.join(", ", each.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
