package io.upright.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.local.Api;
import io.upright.local.DeskAnswers;
import io.upright.local.JitChoice;
import io.upright.local.LocalStack;
import io.upright.localinfra.EmbeddedPostgresServer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./upright bench read-model}: from a command accepted by a service (its answer arrived, so its transaction
 * committed) to its effect in insights' HR read model, under a realistic mix of commands through the public APIs:
 * HR enrolling employees (programs), employees completing assessments (assessments) and logging exercise sessions
 * (exercises). It first finds the highest load the stack sustains (the offered rate stepped up until the backlog
 * grows), then measures every command's latency at half of it; the baseline is the same latency with the box idle,
 * one command at a time. The effect is observed in insights' own tables over JDBC, polled every few milliseconds.
 */
public final class ReadModelBenchmark implements Benchmark {

    private static final String TENANT = "bench";
    private static final double TARGET_P99_MILLIS = 200;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** What a command is; its effect in insights. */
    private enum Kind {
        ENROLMENT("HR enrols an employee (`POST /api/teams/{id}/employees`, programs) → `insights_member`"),
        ASSESSMENT("employee submits an assessment (`POST /api/assessments/{id}/submission`, assessments) → `insights_employee_activity.assessments_completed`"),
        SESSION("employee logs an exercise session (`POST /api/me/exercise-sessions`, exercises) → `insights_employee_activity.exercise_sessions`");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** The mix, repeated: 1 enrolment, 2 assessments, 4 exercise sessions. */
    private static final List<Kind> MIX = List.of(Kind.SESSION, Kind.ASSESSMENT, Kind.SESSION, Kind.ENROLMENT, Kind.SESSION,
            Kind.ASSESSMENT, Kind.SESSION);

    /** A command accepted and not yet seen in the read model. */
    private record Pending(Kind kind, UUID employee, int count, long acceptedNanos, Series series) {
    }

    /** The latencies of one phase, per kind. */
    private static final class Series {
        final Map<Kind, Latencies.LongList> visible = new EnumMap<>(Kind.class);
        final Latencies.LongList accepted = new Latencies.LongList();
        final AtomicInteger scheduled = new AtomicInteger();
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile String firstFailure;

        Series() {
            for (Kind kind : Kind.values()) {
                visible.put(kind, new Latencies.LongList());
            }
        }

        synchronized void visible(Kind kind, long nanos) {
            visible.get(kind).add(nanos);
            seen.incrementAndGet();
        }

        synchronized void accepted(long nanos) {
            accepted.add(nanos);
        }

        synchronized Latencies all() {
            Latencies.LongList all = new Latencies.LongList();
            visible.values().forEach(all::addAll);
            return Latencies.of(all);
        }

        synchronized Latencies of(Kind kind) {
            Latencies.LongList copy = new Latencies.LongList();
            copy.addAll(visible.get(kind));
            return Latencies.of(copy);
        }

        int backlog() {
            return scheduled.get() - seen.get() - failed.get();
        }
    }

    @Override
    public String name() {
        return "read-model";
    }

    @Override
    public String title() {
        return "commit to HR read model (insights) under half the highest sustainable load, against the idle box";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int poolSize = run.size(200, 10);
        int idleCommands = run.size(140, 7); // enough that one slow command is not the p99 on its own
        Duration step = Duration.ofSeconds(run.size(20, 2));
        Duration window = Duration.ofSeconds(run.size(60, 3));
        double firstRate = run.size(2, 4);
        int maxSteps = run.size(12, 2);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : List.of("programs", "assessments", "exercises", "reminders", "insights")) {
            ports.put(service, LocalStack.freePort());
        }
        // a long cadence: no reminder falls due during the run (answers to reminders are not in the mix)
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), run.work(), 0, 0, ports, Duration.ofHours(12)));
        Optional<Profiling> profiling = Profiling.of(run, name(), configured, ports.keySet());
        Instant measuredFrom;
        Report report;
        ExecutorService workers = Executors.newFixedThreadPool(64, daemon("bench-read-model-command"));
        try (LocalStack stack = configured;
             Connection insights = DriverManager.getConnection(stack.start(run::progress).jdbcUrl("insights"), EmbeddedPostgresServer.USERNAME, "")) {
            Commands commands = Commands.seed(stack, poolSize, run);
            Observer observer = new Observer(insights);
            Thread observing = daemon("bench-read-model-observer").newThread(observer);
            observing.start();
            try {
                commands.awaitPoolVisible(insights, Duration.ofMinutes(3));
                run.progress("seeded " + poolSize + " employees in " + Commands.TEAMS + " teams, all in insights");

                // warm-up: the mix twice, one command at a time, discarded
                Series warmUp = new Series();
                for (int i = 0; i < MIX.size() * 2; i++) {
                    warmUp.scheduled.incrementAndGet();
                    commands.issue(MIX.get(i % MIX.size()), warmUp, observer);
                }
                observer.awaitDrained(warmUp, Duration.ofMinutes(2));

                Series idle = new Series();
                long idleStarted = System.nanoTime();
                for (int i = 0; i < idleCommands; i++) {
                    idle.scheduled.incrementAndGet();
                    commands.issue(MIX.get(i % MIX.size()), idle, observer);
                    observer.awaitDrained(idle, Duration.ofMinutes(1));
                }
                double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
                run.progress("idle, one at a time: " + idle.all().describe());

                double sustainable = 0;
                double rate = firstRate;
                List<String> steps = new ArrayList<>();
                for (int s = 0; s < maxSteps; s++) {
                    Series series = new Series();
                    Instant stepStart = Instant.now();
                    offer(commands, observer, workers, series, rate, step);
                    int backlogAtEnd = series.backlog();
                    boolean drained = observer.awaitDrained(series, Duration.ofSeconds(10));
                    double took = Duration.between(stepStart, Instant.now()).toMillis() / 1000.0;
                    boolean ok = drained && series.failed.get() == 0 && backlogAtEnd <= Math.max(3, rate);
                    String line = String.format(Locale.ROOT, "%.1f/s offered for %d s: backlog %d at the end, %s, %d failed%s; %s",
                            rate, step.toSeconds(), backlogAtEnd, drained ? "drained" : "not drained within 10 s",
                            series.failed.get(), series.firstFailure == null ? "" : " (" + series.firstFailure + ")",
                            series.all().describe());
                    steps.add(line + (ok ? "" : " — not sustained"));
                    run.progress(line + String.format(Locale.ROOT, " (%.1f s)", took));
                    if (!ok) {
                        break;
                    }
                    sustainable = rate;
                    rate = rate * 1.5;
                }
                if (sustainable == 0) {
                    if (!run.tiny()) {
                        throw new IllegalStateException("Not even " + firstRate + " commands/s were sustained: " + steps);
                    }
                    sustainable = firstRate; // a tiny run proves the harness on whatever else the build runs beside it
                }
                double half = sustainable / 2;
                Series loaded = new Series();
                measuredFrom = Instant.now();
                offer(commands, observer, workers, loaded, half, window);
                if (!observer.awaitDrained(loaded, Duration.ofMinutes(2))) {
                    throw new IllegalStateException(loaded.backlog() + " commands at half load never reached the read model");
                }
                Latencies all = loaded.all();
                run.progress(String.format(Locale.ROOT, "half load, %.1f/s: %s", half, all.describe()));

                report = new Report(String.format(Locale.ROOT, "The five packaged services as `./upright up` runs them (one "
                        + "JVM each: " + JitChoice.describeEach(List.copyOf(LocalStack.DEFAULT_PORTS.keySet())) + "), PostgreSQL and Kafka with the "
                        + "durable settings, reminders with a 12-hour cadence (nothing falls due). One tenant, %d teams, %d "
                        + "employees enrolled through programs' API before the run. The mix, repeated: 1 enrolment by HR, 2 "
                        + "assessments completed (start, answers and submission: the submission is the measured command), 4 "
                        + "exercise sessions logged, each through the service's public API with a dev token (JDK HTTP client, "
                        + "up to 64 commands in flight, in the benchmark's JVM on the same cores). Latency runs from the "
                        + "command's answer (its transaction committed) until its effect is in insights' tables (polled over "
                        + "JDBC every 5 ms, so about 3 ms of it is the poll). Load: an open loop offering a fixed rate, "
                        + "stepped up ×1.5 from %.0f/s for %d s each until a step ends with more than a second's worth of "
                        + "commands not yet in the read model, or not drained 10 s later; the highest step that passed is "
                        + "the sustainable load, and %d s at half of it are measured. Baseline: the same commands one at a "
                        + "time (the next when the last one is in the read model), %d of them, on the otherwise idle box.",
                        Commands.TEAMS, poolSize, firstRate, step.toSeconds(), window.toSeconds(), idleCommands));
                // the target is a ceiling on the p99 in milliseconds: the rows' figure is that p99, and their ratio
                // the p99 under load over the idle one
                report.row(Comparison.under(String.format(Locale.ROOT, "commit → HR read model, all commands, at half "
                                + "load (%.1f of %.1f commands/s sustained; %.1f/s reached the read model)", half, sustainable,
                                loaded.seen.get() / (double) window.toSeconds()),
                        p99(all), "one at a time, box idle", p99(idle.all()), TARGET_P99_MILLIS));
                for (Kind kind : Kind.values()) {
                    report.row(new Comparison(kind.description, p99(loaded.of(kind)), "one at a time, box idle",
                            p99(idle.of(kind)), null));
                }
                report.note(String.format(Locale.ROOT, "Idle, one at a time: %.1f commands/s.", idle.seen.get() / idleSeconds));
                report.note("Steps: " + String.join("; ", steps) + ".");
                report.note("The command itself (request to answer) at half load: " + Latencies.of(loaded.accepted).describe()
                        + "; idle: " + Latencies.of(idle.accepted).describe() + ".");
                report.note("Answers to reminders are not in the mix: one needs a reminder delivered first (an engine round "
                        + "and a webhook sink), which would make the mix's rate the engine's cadence.");
                report.note("Each row's figure is the p99 in milliseconds and its ratio the p99 under load over the idle "
                        + "p99 (lower is better): the idle column is the pipeline's own latency, the rest is the load's.");
            } finally {
                observer.stop();
                observing.join(5000);
            }
        } finally {
            workers.shutdownNow();
        }
        if (profiling.isPresent()) {
            run.progress("profile summary: " + profiling.get().summarise(measuredFrom, Instant.now()));
        }
        return report;
    }

    private static Measure p99(Latencies latencies) {
        return new Measure(latencies.percentileMillis(99), "ms p99", latencies.describe());
    }

    /** Offers {@code rate} commands per second of the mix for {@code duration}, open loop. */
    private static void offer(Commands commands, Observer observer, ExecutorService workers, Series series, double rate,
                              Duration duration) {
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        long end = start + duration.toNanos();
        int i = 0;
        for (long next = start; next < end; next += interval, i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Kind kind = MIX.get(i % MIX.size());
            series.scheduled.incrementAndGet();
            workers.execute(() -> commands.issue(kind, series, observer));
        }
    }

    /** The tenant's teams and employees, and the commands they send. */
    private static final class Commands {
        static final int TEAMS = 4;
        private final Api hr;
        private final List<String> teams;
        private final List<UUID> employees;
        private final List<Api> assessments = new ArrayList<>();
        private final List<Api> exercises = new ArrayList<>();
        private final Map<UUID, Integer> assessmentsDone = new HashMap<>();
        private final Map<UUID, Integer> sessionsDone = new HashMap<>();
        private final AtomicLong next = new AtomicLong();
        private final AtomicLong hires = new AtomicLong();

        private Commands(LocalStack stack, Api hr, List<String> teams, List<UUID> employees) {
            this.hr = hr;
            this.teams = teams;
            this.employees = employees;
            for (UUID employee : employees) {
                String token = stack.tokens().issue(TENANT, employee.toString(), "employee");
                assessments.add(new Api(stack.baseUrl("assessments"), token));
                exercises.add(new Api(stack.baseUrl("exercises"), token));
                assessmentsDone.put(employee, 0);
                sessionsDone.put(employee, 0);
            }
        }

        static Commands seed(LocalStack stack, int employees, BenchRun run) {
            Api hr = new Api(stack.baseUrl("programs"), stack.tokens().issue(TENANT, "bench-hr", "hr"));
            List<String> teams = new ArrayList<>();
            for (int t = 0; t < TEAMS; t++) {
                teams.add(hr.post("/api/teams", Map.of("name", "Team " + (t + 1))).path("id").asText());
            }
            List<UUID> pool = new ArrayList<>();
            for (int i = 0; i < employees; i++) {
                pool.add(UUID.fromString(hr.post("/api/teams/" + teams.get(i % TEAMS) + "/employees", person("pool-" + i))
                        .path("id").asText()));
            }
            return new Commands(stack, hr, teams, pool);
        }

        private static ObjectNode person(String handle) {
            return Api.JSON.createObjectNode().put("displayName", "Bench " + handle).put("email", handle + "@bench.example")
                    .put("timeZone", "Europe/Berlin").put("workdayStart", "08:00").put("workdayEnd", "17:00").put("standingDesk", false);
        }

        void awaitPoolVisible(Connection insights, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try (PreparedStatement ps = insights.prepareStatement(
                        "select count(*) from insights_member where tenant_id = ? and employee_id = any(?)")) {
                    ps.setString(1, TENANT);
                    ps.setArray(2, insights.createArrayOf("uuid", employees.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) >= employees.size()) {
                            return;
                        }
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("insights did not see the seeded employees within " + timeout);
                }
                Thread.sleep(100);
            }
        }

        /** Sends one command of the kind and, once accepted, hands it to the observer; failures are counted. */
        void issue(Kind kind, Series series, Observer observer) {
            long sent = System.nanoTime();
            try {
                int index = (int) (next.getAndIncrement() % employees.size());
                UUID employee = employees.get(index);
                Pending pending;
                if (kind == Kind.ENROLMENT) {
                    long hire = hires.incrementAndGet();
                    UUID hired = UUID.fromString(hr.post("/api/teams/" + teams.get((int) (hire % TEAMS)) + "/employees",
                            person("hire-" + hire)).path("id").asText());
                    pending = new Pending(kind, hired, 1, System.nanoTime(), series);
                } else if (kind == Kind.ASSESSMENT) {
                    Api api = assessments.get(index);
                    String id = api.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
                    api.put("/api/assessments/" + id + "/answers", Map.of("answers", risky(index) ? DeskAnswers.riskyDesk() : DeskAnswers.goodDesk()));
                    sent = System.nanoTime();
                    api.post("/api/assessments/" + id + "/submission", Map.of());
                    pending = new Pending(kind, employee, next(assessmentsDone, employee), System.nanoTime(), series);
                } else {
                    exercises.get(index).post("/api/me/exercise-sessions", Map.of("routineId", "posture-reset", "minutes", 5,
                            "feltRating", 1 + index % 5));
                    pending = new Pending(kind, employee, next(sessionsDone, employee), System.nanoTime(), series);
                }
                series.accepted(pending.acceptedNanos() - sent);
                observer.watch(pending);
            } catch (RuntimeException e) {
                if (series.firstFailure == null) {
                    series.firstFailure = kind + ": " + e.getMessage();
                }
                series.failed.incrementAndGet();
            }
        }

        private static boolean risky(int index) {
            return index % 2 == 0;
        }

        /** The count the employee's counter reaches with this command (commands of one employee rarely overlap). */
        private synchronized int next(Map<UUID, Integer> done, UUID employee) {
            return done.merge(employee, 1, Integer::sum);
        }
    }

    /** Polls insights' tables for the accepted commands' effects, every few milliseconds. */
    private static final class Observer implements Runnable {
        private final Connection insights;
        private final Map<Pending, Boolean> pending = new ConcurrentHashMap<>();
        private volatile boolean stopped;

        Observer(Connection insights) {
            this.insights = insights;
        }

        void watch(Pending command) {
            pending.put(command, Boolean.TRUE);
        }

        void stop() {
            stopped = true;
        }

        /** Until every command of the series scheduled so far is seen (or failed); whether it was within the timeout. */
        boolean awaitDrained(Series series, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (series.backlog() > 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
            return true;
        }

        @Override
        public void run() {
            while (!stopped) {
                long started = System.nanoTime();
                if (!pending.isEmpty()) {
                    try {
                        poll();
                    } catch (SQLException e) {
                        if (!stopped) {
                            throw new IllegalStateException("Cannot read insights' tables", e);
                        }
                    }
                }
                long wait = POLL_NANOS - (System.nanoTime() - started);
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }

        private void poll() throws SQLException {
            List<Pending> snapshot = new ArrayList<>(pending.keySet());
            List<UUID> enrolled = new ArrayList<>();
            List<UUID> active = new ArrayList<>();
            for (Pending p : snapshot) {
                (p.kind() == Kind.ENROLMENT ? enrolled : active).add(p.employee());
            }
            java.util.Set<UUID> members = new java.util.HashSet<>();
            if (!enrolled.isEmpty()) {
                try (PreparedStatement ps = insights.prepareStatement(
                        "select employee_id from insights_member where tenant_id = ? and employee_id = any(?)")) {
                    ps.setString(1, TENANT);
                    Array ids = insights.createArrayOf("uuid", enrolled.toArray());
                    ps.setArray(2, ids);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            members.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
            Map<UUID, int[]> counters = new HashMap<>();
            if (!active.isEmpty()) {
                try (PreparedStatement ps = insights.prepareStatement("select employee_id, assessments_completed, exercise_sessions "
                        + "from insights_employee_activity where tenant_id = ? and employee_id = any(?)")) {
                    ps.setString(1, TENANT);
                    ps.setArray(2, insights.createArrayOf("uuid", active.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counters.put(rs.getObject(1, UUID.class), new int[] {rs.getInt(2), rs.getInt(3)});
                        }
                    }
                }
            }
            long now = System.nanoTime();
            for (Pending p : snapshot) {
                boolean seen;
                if (p.kind() == Kind.ENROLMENT) {
                    seen = members.contains(p.employee());
                } else {
                    int[] counts = counters.get(p.employee());
                    seen = counts != null && counts[p.kind() == Kind.ASSESSMENT ? 0 : 1] >= p.count();
                }
                if (seen && pending.remove(p) != null) {
                    p.series().visible(p.kind(), now - p.acceptedNanos());
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
