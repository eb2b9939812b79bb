package io.upright.local.bench;

import com.sun.net.httpserver.HttpServer;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.local.Api;
import io.upright.local.LocalStack;
import io.upright.local.ReminderEngineBenchmark;
import io.upright.local.ReminderEngineBenchmark.Delivery;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.EmbeddedPostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * {@code ./upright bench reminders}: the due-reminder engine of the packaged reminders service, alone on a fresh stack
 * (PostgreSQL and the broker with the durable settings), in two phases, each against {@code db-scheduler} doing the
 * same work on the same PostgreSQL in the same run ({@link DbSchedulerReminders}):
 * <ul>
 *   <li><b>burst:</b> N employees due at the same second; drain rate (due instant to last delivery) and lateness;</li>
 *   <li><b>steady state:</b> N employees at the product's 10-minute cadence, slots spread evenly (N/600 per second);
 *       lateness of the slots in a window after a warm-up.</li>
 * </ul>
 * The engine gets its population as in production, through {@code EmployeeEnrolled} records on upright.programs. Its
 * first slot is {@code enrolledAt + cadence}, unless that is already past, and never before the working day starts;
 * the benchmark uses both rules and changes nothing in the service. Burst: every employee's working day starts at the
 * same second S (in a time zone where it is early morning now, so nothing crosses midnight) and their enrolment is
 * dated one cadence back, so every first slot is S; S leaves time to consume the enrolments at the rate a warm-up
 * measured. Steady: employee i's enrolment is dated {@code slot(i) - cadence}; those already past are published at
 * once, the rest each at its own instant (a clock-driven tail), so all are scheduled before their slot. Each
 * population's working day ends after its phase, so its next slots fall on the next day and leave the other phase
 * alone. db-scheduler gets its executions scheduled directly at the same instants. {@code db-scheduler} phases run
 * first, while the engine has nothing due.
 */
public final class ReminderEngineSuiteBenchmark implements Benchmark {

    private static final String TENANT = ReminderEngineBenchmark.TENANT;
    private static final double BURST_TARGET = 1500;
    private static final double STEADY_P99_CEILING_MS = 2000;
    /** {@code UPRIGHT_BENCH_REMINDERS_EMPLOYEES}: fewer than 100 000 when enrolment is too slow for a run to fit. */
    static final String EMPLOYEES_VARIABLE = "UPRIGHT_BENCH_REMINDERS_EMPLOYEES";

    /** How big and how long, normal or tiny. */
    private record Sizes(int employees, int warmUp, Duration cadence, Duration steadyWarmUp, Duration steadyWindow,
                         Duration grace, Duration burstTimeout, Duration minimumLead) {
    }

    /** What one phase of one side measured: the deliveries of the reminders it looked at, and how many were due. */
    private record Phase(int due, Instant from, Instant to, List<Delivery> delivered) {

        Latencies lateness() {
            return Latencies.of(delivered.stream()
                    .mapToLong(d -> Math.max(0, Duration.between(d.slot(), d.receivedAt()).toNanos())).toArray());
        }

        /** A burst: from its due instant to its last delivery. */
        double drainPerSecond() {
            Instant last = delivered.stream().map(Delivery::receivedAt).max(Instant::compareTo).orElse(from);
            return delivered.size() / Math.max(0.001, Duration.between(from, last).toMillis() / 1000.0);
        }

        /** A steady window: the deliveries of its slots per second of it. */
        double perSecond() {
            return delivered.size() / Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
        }
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public String title() {
        return "due-reminder engine, a burst and a steady 10-minute cadence, against db-scheduler on the same PostgreSQL";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        Sizes sizes = run.tiny()
                ? new Sizes(300, 50, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(3))
                : new Sizes(employees(), 2000, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(3),
                Duration.ofSeconds(20), Duration.ofMinutes(15), Duration.ofSeconds(20));
        ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
        HttpServer sink = ReminderEngineBenchmark.sink(received);
        String hook = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook";
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("reminders", LocalStack.freePort());
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), run.work(), 0, 0, ports, sizes.cadence()))
                .withEnvironment("reminders", ReminderEngineBenchmark.BREAK_REMINDERS_ONLY);
        Optional<Profiling> profiling = Profiling.of(run, name(), configured, ports.keySet());
        // a time zone where it is early morning now: a working day from midnight to after the run never wraps
        ZoneId zone = earlyMorningZone(Instant.now());
        Phase dbBurst;
        Phase dbSteady;
        Phase burst;
        Phase steady;
        double warmUpRate;
        double enrolRate;
        Duration enrolTook;
        long expired;
        Instant profiledFrom;
        Instant profiledTo;
        Duration steadyScheduledBy;
        try (LocalStack stack = configured) {
            stack.start(run::progress);
            Api admin = new Api(stack.baseUrl("reminders"), stack.tokens().issue(TENANT, "bench-admin", "admin"));
            admin.post("/api/webhook-endpoints", Map.of("url", hook));
            String jdbc = stack.jdbcUrl("reminders");

            // db-scheduler first, while the engine has nothing due
            try (DbSchedulerReminders baseline = new DbSchedulerReminders(createDatabase(stack, jdbc, "dbscheduler"), hook,
                    sizes.cadence())) {
                baseline.schedule(sizes.employees(), i -> Instant.now().plus(Duration.ofDays(1)));
                // all due at one second just after they are in: the time it took to insert them is not the drain's
                Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
                baseline.retime(at);
                received.clear();
                baseline.start();
                dbBurst = awaitBurst(run, "db-scheduler", received, at, sizes.employees(), sizes.burstTimeout());
                baseline.stopAndClear();

                Instant start = Instant.now().plus(sizes.minimumLead()).plusSeconds(sizes.employees() / 5000).truncatedTo(ChronoUnit.SECONDS);
                Instant[] slots = steadySlots(start, sizes.employees(), sizes.cadence());
                baseline.schedule(sizes.employees(), i -> slots[i]);
                received.clear();
                baseline.start();
                dbSteady = awaitSteady(run, "db-scheduler", received, slots, start, sizes, d -> true);
                baseline.stopAndClear();
            }

            received.clear();
            try (KafkaProducer<String, byte[]> producer = ReminderEngineBenchmark.producer(stack.kafkaBootstrapServers())) {
                UUID[] teams = new UUID[Math.max(1, (sizes.warmUp() + 2 * sizes.employees()) / 50)];
                Arrays.setAll(teams, i -> UUID.randomUUID());
                // warm-up: partitions assigned, code loaded, and the enrolment rate that places the burst; their working
                // day starts late in the (local) evening, so they are never due during the run
                Instant warmUpStart = Instant.now();
                for (int i = 0; i < sizes.warmUp(); i++) {
                    send(producer, new EmployeeEnrolled(UUID.randomUUID(), teams[i % teams.length], zone.getId(), "23:00", "23:59",
                            false, warmUpStart));
                }
                producer.flush();
                // from the first schedule on: joining the group and the first fetch are not the consumption's pace
                Instant firstScheduled = awaitSchedules(run, jdbc, 0, sizes.warmUp());
                warmUpRate = sizes.warmUp() / seconds(firstScheduled, Instant.now());
                run.progress(String.format(Locale.ROOT, "warm-up: %d enrolments consumed at %.0f/s", sizes.warmUp(), warmUpRate));

                // burst: every first slot at the start of the same working day, far enough ahead to consume them all
                Instant enrolStart = Instant.now();
                Duration lead = max(sizes.minimumLead(), Duration.ofMillis((long) (1250 * sizes.employees() / warmUpRate)));
                Instant burstAt = enrolStart.plus(lead).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                String dayStart = local(burstAt, zone);
                // ends before their next slot (one cadence on): it falls on the next day, outside the steady phase
                String dayEnd = local(burstAt.plus(sizes.cadence()).minusSeconds(1), zone);
                run.progress("burst: " + sizes.employees() + " employees, all due at " + burstAt + " (" + lead.toSeconds() + " s ahead)");
                Set<String> burstPopulation = new HashSet<>();
                for (int i = 0; i < sizes.employees(); i++) {
                    UUID employee = UUID.randomUUID();
                    burstPopulation.add(employee.toString());
                    send(producer, new EmployeeEnrolled(employee, teams[(sizes.warmUp() + i) % teams.length], zone.getId(),
                            dayStart, dayEnd, false, enrolStart.minus(sizes.cadence())));
                }
                producer.flush();
                awaitSchedules(run, jdbc, sizes.warmUp(), sizes.warmUp() + sizes.employees());
                enrolTook = Duration.between(enrolStart, Instant.now());
                enrolRate = sizes.employees() / seconds(enrolStart, Instant.now());
                run.progress(String.format(Locale.ROOT, "burst enrolments consumed in %.1f s (%.0f/s)", seconds(enrolStart, Instant.now()), enrolRate));
                int burstDue = (int) dueAt(jdbc, burstAt);
                if (burstDue < sizes.employees()) {
                    run.progress((sizes.employees() - burstDue) + " enrolments were consumed after the burst's slot and come due later");
                }
                profiledFrom = burstAt;
                burst = awaitBurst(run, "engine", received, burstAt, burstDue, sizes.burstTimeout());

                // steady: slots spread evenly over one cadence from S0; enrolments dated one cadence before their slot,
                // those already past published now, the rest each at its own instant
                Instant tailStart = Instant.now();
                Duration steadyLead = max(sizes.minimumLead(), Duration.ofMillis((long) (1250 * sizes.employees() / enrolRate)));
                Instant s0 = tailStart.plus(steadyLead).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                Instant[] slots = steadySlots(s0, sizes.employees(), sizes.cadence());
                Instant windowEnd = s0.plus(sizes.steadyWarmUp()).plus(sizes.steadyWindow());
                String steadyEnd = local(windowEnd.plusSeconds(1), zone);
                run.progress("steady: " + sizes.employees() + " employees from " + s0 + ", "
                        + String.format(Locale.ROOT, "%.1f/s", sizes.employees() / (double) sizes.cadence().toSeconds()));
                int first = sizes.warmUp() + sizes.employees();
                Set<String> steadyPopulation = new HashSet<>();
                for (int i = 0; i < sizes.employees(); i++) {
                    Instant enrolledAt = slots[i].minus(sizes.cadence());
                    long ahead = Duration.between(Instant.now(), enrolledAt).toMillis();
                    if (ahead > 20) {
                        producer.flush();
                        Thread.sleep(ahead);
                    }
                    UUID employee = UUID.randomUUID();
                    steadyPopulation.add(employee.toString());
                    send(producer, new EmployeeEnrolled(employee, teams[(first + i) % teams.length], zone.getId(),
                            "00:00", steadyEnd, false, enrolledAt));
                }
                producer.flush();
                // every steady enrolment scheduled before the window opens, or the window measures the consumer too
                awaitSchedules(run, jdbc, first, first + sizes.employees());
                steadyScheduledBy = Duration.between(s0.plus(sizes.steadyWarmUp()), Instant.now());
                steady = awaitSteady(run, "engine", received, slots, s0, sizes, d -> steadyPopulation.contains(d.employee()));
                List<Delivery> burstLater = received.stream().filter(d -> burstPopulation.contains(d.employee()) && !d.slot().equals(burstAt)).toList();
                if (!burstLater.isEmpty()) {
                    run.progress(String.format(Locale.ROOT, "the burst's employees got %d more reminders (kinds %s), slots %s to %s",
                            burstLater.size(), burstLater.stream().map(Delivery::kind).distinct().sorted().toList(),
                            burstLater.stream().map(Delivery::slot).min(Instant::compareTo).orElseThrow(),
                            burstLater.stream().map(Delivery::slot).max(Instant::compareTo).orElseThrow()));
                }
                profiledTo = Instant.now();
                expired = ReminderEngineBenchmark.count(jdbc, "select count(*) from event_store where event_type like '%Expired'");
            }
        } finally {
            sink.stop(0);
        }
        if (profiling.isPresent()) {
            run.progress("profile summary: " + profiling.get().summarise(profiledFrom, profiledTo));
        }
        return report(sizes, zone, warmUpRate, enrolRate, enrolTook, dbBurst, dbSteady, burst, steady, expired, steadyScheduledBy);
    }

    private static Report report(Sizes sizes, ZoneId zone, double warmUpRate, double enrolRate, Duration enrolTook, Phase dbBurst,
                                 Phase dbSteady, Phase burst, Phase steady, long expired, Duration steadyScheduledBy) {
        String baseline = "db-scheduler " + DbSchedulerReminders.VERSION + ", same work and sink";
        double demand = sizes.employees() / (double) sizes.cadence().toSeconds();
        Latencies burstLateness = burst.lateness();
        Latencies dbBurstLateness = dbBurst.lateness();
        Latencies steadyLateness = steady.lateness();
        Latencies dbSteadyLateness = dbSteady.lateness();
        Report report = new Report(String.format(Locale.ROOT, "%d employees, cadence %s, on one fresh stack: the packaged reminders "
                        + "service alone as `./upright up` runs it, PostgreSQL with `synchronous_commit=on`, one KRaft broker "
                        + "flushing every append, a signed webhook (tenant-wide) to a local sink answering 204 at once. The engine "
                        + "gets its employees through `EmployeeEnrolled` records on upright.programs (break reminders only: the "
                        + "sitting baseline ask and routine reminders are off, and only reminders of kind `break` count). **Burst:** all %d first slots at the same second, the start of their "
                        + "working day; drain = deliveries / (due instant to last delivery). **Steady state:** slots spread evenly "
                        + "over one cadence (%.0f/s); lateness of the slots due in a %d s window after %d s of warm-up. Lateness "
                        + "is the sink's arrival minus the reminder's slot. **Baseline:** %s, in the benchmark's JVM on a database "
                        + "of its own on the same PostgreSQL, before the engine's phases: one execution per employee at the same "
                        + "instants, which POSTs a body of the same fields and size, signed the same way (Standard Webhooks), to "
                        + "the same sink and then reschedules itself one cadence later (its completion).",
                sizes.employees(), sizes.cadence(), sizes.employees(), demand, sizes.steadyWindow().toSeconds(),
                sizes.steadyWarmUp().toSeconds(), DbSchedulerReminders.settings()));
        report.row(new Comparison("burst: " + burst.due() + " due at once, drained", Measure.of(burst.drainPerSecond(), "reminders/s", burstLateness),
                baseline, Measure.of(dbBurst.drainPerSecond(), "reminders/s", dbBurstLateness), 1.0));
        report.row(new Comparison("burst drain against the issue's target", Measure.of(burst.drainPerSecond(), "reminders/s"),
                "the issue's target", Measure.of(BURST_TARGET, "reminders/s"), 1.0));
        report.row(new Comparison("burst lateness p99 (lower is better)", new Measure(burstLateness.percentileMillis(99), "ms", null),
                baseline, new Measure(dbBurstLateness.percentileMillis(99), "ms", null), null));
        report.row(Comparison.under(String.format(Locale.ROOT, "steady state, %.0f/s: lateness p99", demand),
                new Measure(steadyLateness.percentileMillis(99), "ms", steadyLateness.describe()), baseline,
                new Measure(dbSteadyLateness.percentileMillis(99), "ms", dbSteadyLateness.describe()), STEADY_P99_CEILING_MS));
        report.row(new Comparison("steady state: deliveries per second of the window", Measure.of(steady.perSecond(), "reminders/s"),
                baseline, Measure.of(dbSteady.perSecond(), "reminders/s"), null));
        report.note(String.format(Locale.ROOT, "Delivered: burst %d of %d (db-scheduler %d of %d); steady window %d of %d due "
                        + "(db-scheduler %d of %d); reminders expired unsent (TTL): %d.", burst.delivered().size(), burst.due(),
                dbBurst.delivered().size(), dbBurst.due(), steady.delivered().size(), steady.due(), dbSteady.delivered().size(),
                dbSteady.due(), expired));
        report.note(String.format(Locale.ROOT, "Enrolment: %d warm-up enrolments consumed at %.0f/s, then the burst's %d in %.1f s "
                        + "(%.0f/s, topic to schedule). The burst's slot was placed from the warm-up's rate; %s", sizes.warmUp(),
                warmUpRate, sizes.employees(), enrolTook.toMillis() / 1000.0, enrolRate,
                burst.due() < sizes.employees() ? (sizes.employees() - burst.due()) + " enrolments were consumed after it and are "
                        + "not in the burst." : "all were scheduled before it."));
        report.note(String.format(Locale.ROOT, "Steady phase: its last enrolment was scheduled %.1f s %s the window opened "
                        + "(the window counts only reminders of this population).", Math.abs(steadyScheduledBy.toMillis()) / 1000.0,
                steadyScheduledBy.isNegative() ? "before" : "after"));
        report.note("Populations: time zone " + zone.getId() + " (early morning at the start, so no working day crosses "
                + "midnight); each population's working day ends after its phase, so its next slots fall on the next day. The "
                + "steady population's slots: employee i at S0 + i × cadence / N, its enrolment dated one cadence earlier "
                + "(published at once when already past, otherwise at that instant).");
        report.note("`UPRIGHT_BENCH_JFR=reminders ./upright bench reminders` records a Flight Recorder profile of the service "
                + "and summarises its hottest frames from the burst's slot to the end of the steady window; `"
                + EMPLOYEES_VARIABLE + "=N` runs with N employees instead of 100 000.");
        return report;
    }

    private static int employees() {
        String value = System.getenv(EMPLOYEES_VARIABLE);
        return value == null || value.isBlank() ? 100_000 : Integer.parseInt(value.trim());
    }

    /** Employee i's slot: {@code start + i × cadence / n}, whole seconds (the engine's slots are). */
    private static Instant[] steadySlots(Instant start, int employees, Duration cadence) {
        Instant[] slots = new Instant[employees];
        for (int i = 0; i < employees; i++) {
            slots[i] = start.plusMillis(cadence.toMillis() * i / employees).truncatedTo(ChronoUnit.SECONDS);
        }
        return slots;
    }

    /** Waits until {@code due} reminders of the slot {@code at} arrived, or none came for 30 s after it, or the timeout. */
    private static Phase awaitBurst(BenchRun run, String who, ConcurrentLinkedQueue<Delivery> received, Instant at, int due,
                                    Duration timeout) throws InterruptedException {
        Instant deadline = at.plus(timeout);
        Predicate<Delivery> ours = d -> d.isBreak() && d.slot().equals(at);
        long last = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            long count = received.stream().filter(ours).count();
            if (count >= due) {
                break;
            }
            Instant now = Instant.now();
            // the 30 s without progress count from the slot on: a burst whose enrolments were consumed long before it
            // is not given up the moment it falls due
            if (count != last || now.isBefore(at)) {
                last = count;
                lastProgress = now;
            }
            if (now.isAfter(deadline) || (now.isAfter(at) && Duration.between(lastProgress, now).toSeconds() >= 30)) {
                run.progress(who + ": only " + count + " of " + due + " arrived");
                break;
            }
            Thread.sleep(250);
        }
        List<Delivery> delivered = received.stream().filter(ours).toList();
        if (delivered.isEmpty()) {
            throw new IllegalStateException(who + ": no reminder of the burst due at " + at + " arrived");
        }
        Phase phase = new Phase(due, at, at, delivered);
        run.progress(String.format(Locale.ROOT, "%s burst: %d of %d at %.0f/s, lateness %s", who, delivered.size(), due,
                phase.drainPerSecond(), phase.lateness().describe()));
        return phase;
    }

    /**
     * Waits until the window's end plus the grace, and takes the deliveries of the slots due in the window to the
     * phase's own population; any other delivery with a slot in the window is reported, not counted.
     */
    private static Phase awaitSteady(BenchRun run, String who, ConcurrentLinkedQueue<Delivery> received, Instant[] slots, Instant start,
                                     Sizes sizes, Predicate<Delivery> population) throws InterruptedException {
        Instant from = start.plus(sizes.steadyWarmUp());
        Instant to = from.plus(sizes.steadyWindow());
        Predicate<Instant> inWindow = slot -> !slot.isBefore(from) && slot.isBefore(to);
        int due = (int) Arrays.stream(slots).filter(inWindow).count();
        long wait = Duration.between(Instant.now(), to.plus(sizes.grace())).toMillis();
        run.progress(who + " steady: measuring " + due + " slots from " + from + " to " + to);
        if (wait > 0) {
            Thread.sleep(wait);
        }
        List<Delivery> inTheWindow = received.stream().filter(d -> d.isBreak() && inWindow.test(d.slot())).toList();
        List<Delivery> delivered = inTheWindow.stream().filter(population).toList();
        if (delivered.size() < inTheWindow.size()) {
            run.progress(String.format(Locale.ROOT, "%s steady: %d deliveries with a slot in the window are not the phase's "
                    + "population (not counted); distinct employees %d", who, inTheWindow.size() - delivered.size(),
                    inTheWindow.stream().filter(population.negate()).map(Delivery::employee).distinct().count()));
        }
        long repeated = delivered.size() - delivered.stream().map(d -> d.employee() + "@" + d.slot()).distinct().count();
        if (repeated > 0) {
            run.progress(who + " steady: " + repeated + " deliveries repeat an employee's slot");
        }
        if (delivered.isEmpty()) {
            throw new IllegalStateException(who + ": no reminder due between " + from + " and " + to + " arrived");
        }
        Phase phase = new Phase(due, from, to, delivered);
        run.progress(String.format(Locale.ROOT, "%s steady: %d of %d, lateness %s", who, delivered.size(), due,
                phase.lateness().describe()));
        return phase;
    }

    private static void send(KafkaProducer<String, byte[]> producer, EmployeeEnrolled enrolled) {
        producer.send(CloudEventRecords.record(TENANT, UUID.randomUUID().toString(), enrolled));
    }

    /**
     * Until the service has {@code expected} schedules; fails when their number stops growing for two minutes.
     *
     * @return when there were first more than {@code before}
     */
    private static Instant awaitSchedules(BenchRun run, String jdbc, long before, long expected) throws InterruptedException {
        Instant first = null;
        long last = -1;
        Instant lastProgress = Instant.now();
        Instant lastReport = Instant.now();
        while (true) {
            long scheduled = ReminderEngineBenchmark.count(jdbc, "select count(*) from schedule");
            if (first == null && scheduled > before) {
                first = Instant.now();
            }
            if (scheduled >= expected) {
                return first;
            }
            if (scheduled != last) {
                last = scheduled;
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).toMinutes() >= 2) {
                throw new IllegalStateException("Enrolment stalled at " + scheduled + " of " + expected + " schedules");
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10) {
                lastReport = Instant.now();
                run.progress(scheduled + " of " + expected + " schedules");
            }
            Thread.sleep(200);
        }
    }

    /** The engine's queued reminders due at this instant. */
    private static long dueAt(String jdbc, Instant at) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USERNAME, "");
             PreparedStatement ps = c.prepareStatement("select count(*) from due_reminder where slot = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A database of its own for the baseline on the stack's PostgreSQL; its JDBC URL. */
    private static String createDatabase(LocalStack stack, String jdbc, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USERNAME, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return stack.jdbcUrl(database);
    }

    /** A fixed-offset zone where it is about six in the morning at {@code now}. */
    static ZoneId earlyMorningZone(Instant now) {
        int hours = 6 - now.atOffset(ZoneOffset.UTC).getHour();
        if (hours < -12) {
            hours += 24;
        } else if (hours > 14) {
            hours -= 24;
        }
        // Etc/GMT ids count the other way round: Etc/GMT+5 is five hours behind UTC
        return ZoneId.of(hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
    }

    private static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_TIME);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }
}
