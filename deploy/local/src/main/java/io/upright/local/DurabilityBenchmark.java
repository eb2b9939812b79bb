package io.upright.local;

import io.upright.local.bench.MarkedSections;
import io.upright.localinfra.Directories;
import io.upright.localinfra.Durability;
import io.upright.localinfra.EmbeddedKafkaBroker;
import io.upright.localinfra.EmbeddedPostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./upright bench-durability}: what the durable settings of {@code ./upright up} cost, measured on the two
 * operations they slow down, without the services in between (so the figures are the infrastructure's, not
 * Quarkus's): a PostgreSQL commit of one event row, and a Kafka record acknowledged with {@code acks=all} by an
 * idempotent producer, as the outbox relay sends them. Each round starts a fresh PostgreSQL and a fresh broker per
 * {@link Durability} in the directory {@code ./upright up} keeps its state in (so on the same disk), alternating
 * which goes first. Writes the table into docs/benchmarks.md between markers.
 */
final class DurabilityBenchmark {

    static final String BEGIN = "<!-- durability-benchmark:begin -->";
    static final String END = "<!-- durability-benchmark:end -->";
    private static final int WARM_UP = 200;
    private static final byte[] PAYLOAD = new byte[512]; // about one CloudEvent of ours

    private DurabilityBenchmark() {
    }

    record Settings(int commits, int records, int rounds) {
    }

    /** Latencies in nanoseconds of every measured operation, and the wall time of the whole series. */
    record Series(long[] latencies, long wallNanos) {

        double perSecond() {
            return latencies.length / (wallNanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }

        static Series concat(List<Series> all) {
            long[] joined = all.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).toArray();
            return new Series(joined, all.stream().mapToLong(Series::wallNanos).sum());
        }
    }

    static void run(Path root, Path home, Settings settings) throws Exception {
        Files.createDirectories(home);
        String loadBefore = loadAverage(); // the machine is shared: say how busy it was
        Path work = home.resolve("bench-durability");
        Map<Durability, List<Series>> commits = new EnumMap<>(Durability.class);
        Map<Durability, List<Series>> acks = new EnumMap<>(Durability.class);
        Map<Durability, List<Series>> pipelined = new EnumMap<>(Durability.class);
        try {
            for (int round = 1; round <= settings.rounds(); round++) {
                // alternate the order so that neither setting always runs on a cold (or warm) machine
                Durability[] order = round % 2 == 1
                        ? new Durability[]{Durability.DURABLE, Durability.FAST}
                        : new Durability[]{Durability.FAST, Durability.DURABLE};
                for (Durability durability : order) {
                    Path dir = work.resolve(durability.name().toLowerCase(Locale.ROOT) + "-" + round);
                    Series commit = postgresCommits(dir.resolve("postgres"), durability, settings.commits());
                    commits.computeIfAbsent(durability, d -> new ArrayList<>()).add(commit);
                    Series[] kafka = kafkaAcks(dir.resolve("kafka"), durability, settings.records());
                    acks.computeIfAbsent(durability, d -> new ArrayList<>()).add(kafka[0]);
                    pipelined.computeIfAbsent(durability, d -> new ArrayList<>()).add(kafka[1]);
                    System.out.printf(Locale.ROOT, "round %d %-7s: %.0f commits/s (p50 %.2f ms), %.0f acks/s one at a time (p50 %.2f ms), %.0f records/s pipelined%n",
                            round, durability, commit.perSecond(), commit.percentileMillis(50), kafka[0].perSecond(),
                            kafka[0].percentileMillis(50), kafka[1].perSecond());
                    Directories.deleteQuietly(dir);
                }
            }
        } finally {
            Directories.deleteQuietly(work);
        }
        String table = table(settings, Files.getFileStore(home).type() + ", load average before / after "
                + loadBefore + " / " + loadAverage(), commits, acks, pipelined);
        System.out.println(table);
        write(root.resolve("docs/benchmarks.md"), table);
    }

    /** One connection, one row per transaction: what an event append with its outbox row waits for. */
    private static Series postgresCommits(Path dataDir, Durability durability, int count) throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, durability);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USERNAME, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_event (id bigserial primary key, stream_id uuid not null, payload bytea not null)");
            }
            c.setAutoCommit(true); // every insert is its own commit
            try (PreparedStatement insert = c.prepareStatement("insert into bench_event (stream_id, payload) values (?, ?)")) {
                return measure(WARM_UP, count, () -> {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setBytes(2, PAYLOAD);
                    insert.executeUpdate();
                });
            }
        }
    }

    /**
     * [0]: one record at a time, each waiting for its acknowledgement (the latency a producer sees);
     * [1]: the same number sent without waiting and with the relay's linger of 5 ms (the throughput a relay gets).
     */
    private static Series[] kafkaAcks(Path dataDir, Durability durability, int count) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir, 0, durability)) {
            kafka.createTopics(List.of("bench.durability"), 3);
            Series oneByOne;
            try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers(), 0)) {
                oneByOne = measure(WARM_UP, count, () -> producer.send(
                        new ProducerRecord<>("bench.durability", UUID.randomUUID().toString(), PAYLOAD)).get(30, TimeUnit.SECONDS));
            }
            long[] latencies = new long[count];
            long start;
            long end;
            try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers(), 5)) {
                for (int i = 0; i < WARM_UP; i++) {
                    producer.send(new ProducerRecord<>("bench.durability", UUID.randomUUID().toString(), PAYLOAD)).get(30, TimeUnit.SECONDS);
                }
                List<Future<?>> sent = new ArrayList<>(count);
                start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long sentAt = System.nanoTime();
                    int index = i;
                    sent.add(producer.send(new ProducerRecord<>("bench.durability", UUID.randomUUID().toString(), PAYLOAD),
                            (metadata, error) -> latencies[index] = System.nanoTime() - sentAt));
                }
                for (Future<?> future : sent) {
                    future.get(60, TimeUnit.SECONDS);
                }
                end = System.nanoTime();
            }
            return new Series[]{oneByOne, new Series(latencies, end - start)};
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers, int lingerMs) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private interface Operation {
        void run() throws Exception;
    }

    private static Series measure(int warmUp, int count, Operation operation) throws SQLException {
        long[] latencies = new long[count];
        try {
            for (int i = 0; i < warmUp; i++) {
                operation.run();
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long before = System.nanoTime();
                operation.run();
                latencies[i] = System.nanoTime() - before;
            }
            return new Series(latencies, System.nanoTime() - start);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Benchmark operation failed", e);
        }
    }

    private static String table(Settings settings, String fileSystem, Map<Durability, List<Series>> commits,
                                Map<Durability, List<Series>> acks, Map<Durability, List<Series>> pipelined) {
        List<Series> fastCommits = commits.get(Durability.FAST);
        List<Series> durableCommits = commits.get(Durability.DURABLE);
        List<Series> fastAcks = acks.get(Durability.FAST);
        List<Series> durableAcks = acks.get(Durability.DURABLE);
        List<Series> fastPipelined = pipelined.get(Durability.FAST);
        List<Series> durablePipelined = pipelined.get(Durability.DURABLE);
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (shared with other work), ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", data on ").append(fileSystem).append("; ").append(settings.rounds()).append(" round(s) per setting of ")
                .append(settings.commits()).append(" commits and ").append(settings.records())
                .append(" records each (after ").append(WARM_UP).append(" unmeasured), ").append(PAYLOAD.length)
                .append("-byte payloads, PostgreSQL and the broker on the same disk and cores.\n\n");
        out.append("| what | FAST (tests) | DURABLE (`./upright up`) | durable / fast |\n|---|---|---|---|\n");
        out.append(throughputRow("PostgreSQL: single-row commits on one connection, per s", fastCommits, durableCommits));
        out.append(latencyRow("PostgreSQL: commit latency p50 / p95 / p99 (ms)", fastCommits, durableCommits));
        out.append(throughputRow("Kafka: records acknowledged one at a time (`acks=all`, idempotent), per s", fastAcks, durableAcks));
        out.append(latencyRow("Kafka: send-to-ack latency one at a time, p50 / p95 / p99 (ms)", fastAcks, durableAcks));
        out.append(throughputRow("Kafka: records pipelined with `linger.ms=5` (the outbox relay's), per s", fastPipelined, durablePipelined));
        out.append(latencyRow("Kafka: pipelined, send-to-ack p50 / p95 / p99 (ms; all sent at once, so mostly queueing)", fastPipelined, durablePipelined));
        out.append("\nReproduce: `./upright bench-durability --commits ").append(settings.commits()).append(" --records ")
                .append(settings.records()).append(" --rounds ").append(settings.rounds()).append("`\n");
        return out.toString();
    }

    /** All rounds together, with the slowest and fastest round beside it: the spread says how noisy the machine was. */
    private static String throughputRow(String what, List<Series> fast, List<Series> durable) {
        double fastRate = Series.concat(fast).perSecond();
        double durableRate = Series.concat(durable).perSecond();
        return String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", what, rate(fast), rate(durable), durableRate / fastRate);
    }

    private static String rate(List<Series> rounds) {
        double all = Series.concat(rounds).perSecond();
        double min = rounds.stream().mapToDouble(Series::perSecond).min().orElse(all);
        double max = rounds.stream().mapToDouble(Series::perSecond).max().orElse(all);
        return String.format(Locale.ROOT, "%.0f (rounds %.0f–%.0f)", all, min, max);
    }

    private static String latencyRow(String what, List<Series> fast, List<Series> durable) {
        Series fastAll = Series.concat(fast);
        Series durableAll = Series.concat(durable);
        return String.format(Locale.ROOT, "| %s | %s | %s | %.1f× at p50 |%n", what, percentiles(fastAll), percentiles(durableAll),
                durableAll.percentileMillis(50) / fastAll.percentileMillis(50));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0];
        } catch (IOException | RuntimeException e) {
            return "unknown"; // not Linux
        }
    }

    private static String percentiles(Series series) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", series.percentileMillis(50), series.percentileMillis(95),
                series.percentileMillis(99));
    }

    private static void write(Path doc, String table) throws IOException {
        MarkedSections.replace(doc, BEGIN, END, table);
        System.out.println("Written to " + doc);
    }
}
