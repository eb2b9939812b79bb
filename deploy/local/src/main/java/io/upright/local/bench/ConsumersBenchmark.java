package io.upright.local.bench;

import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.TeamCreated;
import io.upright.local.JitChoice;
import io.upright.local.LocalStack;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.Directories;
import io.upright.localinfra.EmbeddedPostgresServer;
import io.upright.localinfra.TopicPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * {@code ./upright bench consumers}: records per second from a topic to their effect, per consuming service. Each
 * service runs alone on a fresh stack (one packaged service, PostgreSQL and the broker with the durable settings), so
 * its figure is its own and not its neighbours'; N records are published as fast as the producer goes (far faster
 * than any consumer takes them, so the service always has a backlog), and the clock runs from the first record sent
 * until the service's inbox holds N rows of that type: the inbox row is written in the transaction of the effect, so
 * it counts effects committed, not records fetched. Baseline: Kafka's own {@code ConsumerPerformance} (what
 * {@code kafka-consumer-perf-test.sh} runs) reading the same records from the same topic on the same broker, in its
 * own JVM, right after.
 */
public final class ConsumersBenchmark implements Benchmark {

    private static final String TENANT = "bench";
    /** A team per 50 employees, as a mid-sized organisation's roster. */
    private static final int TEAM_SIZE = 50;
    private static final double TARGET_PER_SECOND = 2000;
    /**
     * {@code ..., data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}: the
     * header ConsumerPerformance prints before its one summary line.
     */
    private static final String TOOL_HEADER_START = "start.time, end.time";

    /** One consumed stream: the records, what applies them, and what a user expects of it. */
    private record Stream(String what, String service, EventType<?> type, IntFunction<IntegrationEvent> record) {
    }

    /** What one stream measured, Upright's side and the tool's. */
    private record Figure(Stream stream, int records, double seconds, double toolPerSecond, String toolLine) {
        double perSecond() {
            return records / seconds;
        }
    }

    @Override
    public String name() {
        return "consumers";
    }

    @Override
    public String title() {
        return "records per second from topic to effect, per consuming service, against Kafka's consumer performance tool";
    }

    private static final List<String> CONSUMING = List.of("reminders", "exercises", "assessments", "insights");

    /** The partitions of the topics read here. */
    private static String partitions() {
        List<String> each = new ArrayList<>();
        for (String topic : List.of("upright.programs", "upright.exercises")) {
            each.add(topic + " " + TopicPartitions.of(topic));
        }
        return String.join(", ", each);
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int records = run.size(20000, 500);
        int warmUp = run.size(500, 50);
        List<Figure> figures = new ArrayList<>();
        for (String service : List.of("reminders", "exercises", "assessments")) {
            figures.addAll(measure(run, service, records, warmUp, false));
        }
        figures.addAll(measure(run, "insights", records, warmUp, true));

        Report report = new Report(String.format(Locale.ROOT, "Each consuming service alone on a fresh stack: the packaged "
                + "service as `./upright up` runs it (one JVM: %s), "
                + "PostgreSQL with `synchronous_commit=on` and one KRaft broker flushing every append, each topic with the "
                + "partitions the stack gives it (%s). "
                + "First %d teams' `TeamCreated` and %d `EmployeeEnrolled` records as warm-up (partitions assigned, code "
                + "loaded), then %d records of the measured type published by one producer (`acks=all`, `linger.ms=20`) "
                + "as the owner's relay would publish them (CloudEvents headers, key the employee, tenant `%s`; teams of %d, "
                + "working day 08:00–17:00 Europe/Berlin); the clock runs from the first record sent until the service's "
                + "inbox holds all of them (polled every 50 ms), so it is topic → effect committed. The producer is done "
                + "within a few seconds, so the service always has a backlog: a burst such as a roster import. insights "
                + "takes `ExerciseSessionCompleted` (one per enrolled employee, on upright.exercises) after its enrolments. "
                + "Baseline: `org.apache.kafka.tools.ConsumerPerformance` from kafka-tools %s in its own JVM, a new "
                + "consumer group reading every record on the same topic from the same broker right after the service "
                + "caught up; its `fetch.nMsg.sec` (time from the first fetch, without the group join). Two rows per stream: the "
                + "figure against the issue's absolute target (≥ 2 000 records/s), then against the tool.",
                JitChoice.describeEach(CONSUMING), partitions(), Math.max(1, (warmUp + records) / TEAM_SIZE), warmUp, records, TENANT, TEAM_SIZE,
                AppInfoParser.getVersion()));
        Figure slowest = figures.get(0);
        for (Figure figure : figures) {
            if (figure.perSecond() < slowest.perSecond()) {
                slowest = figure;
            }
            // the target is absolute: the first row holds the figure against it, the second the ratio to raw
            // consumption on this broker, which says how much of the gap is the service's
            report.row(new Comparison(figure.stream().what(), Measure.of(figure.perSecond(), "records/s"),
                    "the issue's target", Measure.of(TARGET_PER_SECOND, "records/s"), 1.0));
            report.row(new Comparison("the same against raw consumption", Measure.of(figure.perSecond(), "records/s"),
                    "`ConsumerPerformance`, same topic and broker", Measure.of(figure.toolPerSecond(), "records/s"), null));
        }
        figures.forEach(f -> report.note(String.format(Locale.ROOT, "%s: %d records in %.1f s.", f.stream().what(),
                f.records(), f.seconds())));
        report.note("The records' bodies are plain JSON, as `./upright bench-reminders` publishes them; programs and exercises "
                + "seal these two types for the employee, and opening a sealed body (the employee's key from the vault, "
                + "AES-GCM) is not in these figures.");
        report.note("Slowest: " + slowest.stream().what() + ". `UPRIGHT_BENCH_JFR=<service> ./upright bench consumers` records "
                + "a Flight Recorder profile of that service and summarises the measured window's hottest frames under "
                + "`deploy/local/target/`.");
        figures.forEach(f -> report.note("`ConsumerPerformance` for " + f.stream().what() + ": `" + f.toolLine() + "`"));
        return report;
    }

    /** One service alone on a fresh stack: its stream(s) one after the other, each with the tool's baseline after it. */
    private List<Figure> measure(BenchRun run, String service, int records, int warmUp, boolean sessionsToo) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(service, LocalStack.freePort());
        Path home = run.work().resolve(service);
        // a long cadence: the reminder engine has nothing due while its enrolments are being consumed
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), home, 0, 0, ports, Duration.ofHours(12)));
        Optional<Profiling> profiling = Profiling.of(run, name() + "-" + service, configured, ports.keySet());
        List<Figure> figures = new ArrayList<>();
        Instant measuredFrom = null;
        Instant measuredTo = null;
        try (LocalStack stack = configured) {
            stack.start(run::progress);
            UUID[] employees = new UUID[warmUp + records];
            Arrays.setAll(employees, i -> UUID.randomUUID());
            UUID[] teams = new UUID[Math.max(1, employees.length / TEAM_SIZE)];
            Arrays.setAll(teams, i -> UUID.randomUUID());
            Instant now = Instant.now();
            IntFunction<IntegrationEvent> enrolment = i -> new EmployeeEnrolled(employees[i], teams[i % teams.length],
                    "Europe/Berlin", "08:00", "17:00", i % 5 == 0, now);
            Stream enrolments = new Stream("`EmployeeEnrolled` (upright.programs) → " + service, service,
                    EventCatalog.of(enrolment.apply(0)), enrolment);

            try (KafkaProducer<String, byte[]> producer = producer(stack.kafkaBootstrapServers());
                 Connection db = DriverManager.getConnection(stack.jdbcUrl(service), EmbeddedPostgresServer.USERNAME, "")) {
                publish(producer, 0, teams.length, i -> new TeamCreated(teams[i], "Team " + (i + 1), now));
                publish(producer, 0, warmUp, enrolment);
                awaitInbox(db, enrolments.type(), warmUp, Duration.ofMinutes(5));
                run.progress(service + " took the warm-up");

                measuredFrom = Instant.now();
                figures.add(timed(run, stack, producer, db, enrolments, warmUp, records, teams.length + warmUp + records));
                if (sessionsToo) {
                    IntFunction<IntegrationEvent> session = i -> new ExerciseSessionCompleted(UUID.randomUUID(), employees[i],
                            "posture-reset", null, 5, 1 + i % 5, now);
                    Stream sessions = new Stream("`ExerciseSessionCompleted` (upright.exercises) → " + service, service,
                            EventCatalog.of(session.apply(0)), session);
                    publish(producer, 0, warmUp, session);
                    awaitInbox(db, sessions.type(), warmUp, Duration.ofMinutes(5));
                    figures.add(timed(run, stack, producer, db, sessions, warmUp, records, warmUp + records));
                }
                measuredTo = Instant.now();
            }
        }
        Directories.deleteQuietly(home); // the next service's stack starts on an empty disk
        if (profiling.isPresent() && measuredFrom != null) {
            run.progress("profile summary: " + profiling.get().summarise(measuredFrom, measuredTo));
        }
        return figures;
    }

    /**
     * Publishes records {@code from .. from + count} of the stream and times them to the service's inbox; then the
     * tool reads the whole topic ({@code onTopic} records).
     */
    private static Figure timed(BenchRun run, LocalStack stack, KafkaProducer<String, byte[]> producer, Connection db,
                                Stream stream, int from, int count, int onTopic) throws Exception {
        long before = inbox(db, stream.type());
        long started = System.nanoTime();
        publish(producer, from, from + count, stream.record());
        double published = (System.nanoTime() - started) / 1e9;
        awaitInbox(db, stream.type(), before + count, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        String[] tool = consumerPerformance(stack.kafkaBootstrapServers(), stream.type().topic(), onTopic);
        double toolPerSecond = Double.parseDouble(tool[0]);
        run.progress(String.format(Locale.ROOT, "%s: %d records in %.2f s (published in %.2f s): %.0f records/s; "
                + "ConsumerPerformance %.0f records/s", stream.what(), count, seconds, published, count / seconds, toolPerSecond));
        return new Figure(stream, count, seconds, toolPerSecond, tool[1]);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), sent and acknowledged. */
    private static void publish(KafkaProducer<String, byte[]> producer, int from, int to, IntFunction<IntegrationEvent> record) {
        for (int i = from; i < to; i++) {
            producer.send(CloudEventRecords.record(TENANT, UUID.randomUUID().toString(), record.apply(i)));
        }
        producer.flush();
    }

    private static long inbox(Connection db, EventType<?> type) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from inbox where event_type = ?")) {
            ps.setString(1, type.ceType());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Until the inbox holds {@code expected} rows of the type; fails when it stops growing for two minutes. */
    private static void awaitInbox(Connection db, EventType<?> type, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastGrew = System.nanoTime();
        while (true) {
            long now = inbox(db, type);
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastGrew = System.nanoTime();
            }
            if (System.nanoTime() > deadline || System.nanoTime() - lastGrew > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("The inbox holds " + now + " of " + expected + " " + type.ceType()
                        + " records and stopped growing (see the service's log)");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Runs Kafka's tool in a JVM of its own, with this JVM's class path, reading {@code records} from the start of the
     * topic in a new group.
     *
     * @return its {@code fetch.nMsg.sec}, and its summary as it printed it
     */
    private static String[] consumerPerformance(String bootstrap, String topic, int records) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--messages", String.valueOf(records),
                "--group", "bench-consumer-performance-" + UUID.randomUUID(), "--timeout", "60000");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ConsumerPerformance failed:\n" + output);
        }
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith(TOOL_HEADER_START)) {
                List<String> names = Arrays.stream(lines.get(i).split(",")).map(String::trim).toList();
                String[] values = lines.get(i + 1).split(",");
                int consumed = names.indexOf("data.consumed.in.nMsg");
                int rate = names.indexOf("fetch.nMsg.sec");
                if (consumed < 0 || rate < 0 || values.length != names.size()) {
                    break;
                }
                if (Long.parseLong(values[consumed].trim()) < records) {
                    throw new IllegalStateException("ConsumerPerformance read fewer than " + records + " records:\n" + output);
                }
                return new String[] {values[rate].trim(), lines.get(i + 1).trim()};
            }
        }
        throw new IllegalStateException("Unexpected ConsumerPerformance output:\n" + output);
    }
}
