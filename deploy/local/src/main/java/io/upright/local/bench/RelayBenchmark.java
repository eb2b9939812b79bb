package io.upright.local.bench;

import io.upright.contracts.EventCatalog;
import io.upright.contracts.programs.TeamCreated;
import io.upright.localinfra.TopicPartitions;
import io.upright.localinfra.Durability;
import io.upright.localinfra.EmbeddedKafkaBroker;
import io.upright.localinfra.EmbeddedPostgresServer;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./upright bench relay}: how fast the platform's {@link io.upright.platform.outbox.OutboxRelay} takes committed
 * outbox rows to Kafka, against Kafka's own producer performance tool ({@code ProducerPerformance}, what
 * {@code kafka-producer-perf-test.sh} runs) sending records of the same size to the same broker with the relay's
 * producer settings. PostgreSQL and the broker run with the durable settings of {@code ./upright up}.
 */
public final class RelayBenchmark implements Benchmark {

    private static final String TOOL_TOPIC = "bench.producer-performance";
    private static final String TEXT = "Sit less, move more: Finance and Engineering, second floor";
    /** {@code 30000 records sent, 9745.2 records/sec (2.35 MB/sec), ...} */
    private static final Pattern TOOL_SUMMARY = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec .*50th.*$");

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public String title() {
        return "outbox relay, commit to Kafka acknowledgement, against Kafka's producer performance tool";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int warmUp = run.size(2000, 100);
        int records = run.size(30000, 500);
        int rounds = run.size(2, 1);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(run.work().resolve("postgres"), 0, Durability.DURABLE);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(run.work().resolve("kafka"), 0, Durability.DURABLE)) {
            String topic = EventCatalog.of(new TeamCreated(UUID.randomUUID(), TEXT, Instant.now())).topic();
            kafka.createTopics(List.of(topic, TOOL_TOPIC), TopicPartitions.of(topic)); // as many partitions as the stack gives it
            postgres.createDatabaseIfMissing("relay");
            try (PlatformHarness platform = new PlatformHarness(postgres.jdbcUrl("relay"), EmbeddedPostgresServer.USERNAME,
                    kafka.bootstrapServers())) {
                Connection c = platform.connections.physical();
                PlatformHarness.migrate(c);
                // warm-up: the relay's start (it first checks the topics for rows sent before a crash) and JIT
                commit(platform, warmUp);
                platform.startRelay();
                awaitDrained(c, Duration.ofMinutes(5));
                int recordSize = (int) Math.round(single(c, "select avg(octet_length(payload::text)) from outbox"));

                long relayed = 0;
                double relaySeconds = 0;
                long sent = 0;
                double toolSeconds = 0;
                List<String> toolLines = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    boolean relayFirst = round % 2 == 1;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == relayFirst) {
                            commit(platform, records);
                            long committed = System.nanoTime();
                            awaitDrained(c, Duration.ofMinutes(10));
                            double seconds = (System.nanoTime() - committed) / 1e9;
                            relayed += records;
                            relaySeconds += seconds;
                            run.progress(String.format(Locale.ROOT, "round %d: the relay published %d rows in %.2f s", round, records, seconds));
                        } else {
                            String summary = producerPerformance(kafka.bootstrapServers(), records, recordSize);
                            Matcher m = TOOL_SUMMARY.matcher(summary);
                            if (!m.matches()) {
                                throw new IllegalStateException("Unexpected ProducerPerformance summary: " + summary);
                            }
                            sent += Long.parseLong(m.group(1));
                            toolSeconds += Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2));
                            toolLines.add(summary);
                            run.progress("round " + round + ": ProducerPerformance: " + summary);
                        }
                    }
                }
                return new Report(String.format(Locale.ROOT, "%d round(s), alternating which goes first. Upright: %d outbox "
                        + "rows (`TeamCreated`, a %d-byte JSON value) written by the platform's `Outbox.enqueue` and committed "
                        + "in one transaction; the platform's `OutboxRelay` (its own class, started as Quarkus starts it, "
                        + "with its default batch of 500 and its producer: idempotent, `acks=all`, `linger.ms=5`) runs "
                        + "throughout, and the time runs from the commit until no row is left unpublished (every record "
                        + "acknowledged by the broker and marked). Baseline: `org.apache.kafka.tools.ProducerPerformance` "
                        + "from kafka-tools %s, in its own JVM as `kafka-producer-perf-test.sh` runs it, sending the same "
                        + "number of %d-byte records with `acks=all`, `enable.idempotence=true`, `linger.ms=5`, unthrottled. "
                        + "One KRaft broker (in the benchmark's JVM, as `./upright up` runs it) flushing its log on every "
                        + "append; both topics of %d partitions, as the stack gives the events' topic; PostgreSQL with "
                        + "`synchronous_commit=on`.",
                        rounds, records, recordSize, kafkaVersion(), recordSize, TopicPartitions.of(topic)))
                        .row(new Comparison("records from commit to Kafka acknowledgement", Measure.of(relayed / relaySeconds, "records/s"),
                                "`ProducerPerformance`, same broker, size and producer settings", Measure.of(sent / toolSeconds, "records/s"), 0.3))
                        .note("The relay's records also carry a key and eight CloudEvents headers, which the tool's do not; its "
                                + "time includes reading the rows and marking them published in PostgreSQL.")
                        .note("The tool's own summary: " + String.join("; ", toolLines.stream().map(l -> "`" + l + "`").toList()));
            }
        }
    }

    /** {@code count} outbox rows through the platform's outbox, in one transaction. */
    private static void commit(PlatformHarness platform, int count) throws Exception {
        platform.inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                platform.outbox.enqueue(AppendBenchmark.TENANT, new TeamCreated(UUID.randomUUID(), TEXT, Instant.now()));
            }
        });
    }

    private static void awaitDrained(Connection c, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (single(c, "select count(*) from outbox where published_at is null") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The relay did not publish the outbox within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    private static double single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** Runs Kafka's tool in a JVM of its own, with this JVM's class path, and returns its summary line. */
    private static String producerPerformance(String bootstrap, int records, int recordSize) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOOL_TOPIC, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=5", "max.in.flight.requests.per.connection=5");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        return output.lines().filter(line -> TOOL_SUMMARY.matcher(line).matches()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary:\n" + output));
    }

    private static String kafkaVersion() {
        return AppInfoParser.getVersion();
    }
}
