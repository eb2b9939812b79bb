package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.local.bench.JfrSummary;
import io.upright.local.bench.MarkedSections;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.Directories;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * {@code ./upright bench-reminders}: the due-reminder engine with a large enrolled population. Starts Kafka,
 * PostgreSQL and the packaged reminders service (alone, so the engine has the machine), enrols N employees by
 * publishing {@code EmployeeEnrolled} records on upright.programs exactly as the programs relay would, points the
 * tenant at a local webhook sink that answers 204 at once, and then records every delivery: how many per second,
 * and how late against its slot. Writes the table into docs/benchmarks.md between markers. The suite's
 * {@code reminders} benchmark ({@code bench/ReminderEngineSuiteBenchmark}) uses its sink and enrolments.
 */
public final class ReminderEngineBenchmark {

    static final String BEGIN = "<!-- reminder-engine-benchmark:begin -->";
    static final String END = "<!-- reminder-engine-benchmark:end -->";
    public static final String TENANT = "bench";

    private ReminderEngineBenchmark() {
    }

    record Settings(int employees, Duration cadence, Duration window) {
    }

    /** One webhook the sink received: the reminder's slot, when it arrived, the body's {@code type}, {@code employeeId} and {@code kind}. */
    public record Delivery(Instant slot, Instant receivedAt, String type, String employee, String kind) {

        /** A break reminder proper: type {@code break.reminder} and kind {@code break} (not a routine or sit/stand prompt). */
        public boolean isBreak() {
            return "break.reminder".equals(type) && "break".equals(kind);
        }
    }

    /**
     * The benchmarks measure break reminders: the ask for each new employee's sitting baseline (one more message per
     * enrolment, once) is switched off so that it does not count as a reminder delivered, and so are routine reminders.
     * Those fall at routine times placed in each working day; a benchmark's population shares one working day, so
     * its routine reminders would all fall at one instant, a second burst of a size no real tenant makes (it was what
     * wrecked the suite's steady phase of 2026-12-06: 100 000 routine reminders due in its window).
     */
    public static final Map<String, String> BREAK_REMINDERS_ONLY = Map.of("UPRIGHT_REMINDERS_SITTING_CHECK_INS", "false",
            "UPRIGHT_REMINDERS_ROUTINE_REMINDERS", "false");

    /**
     * @param jfr record a JDK Flight Recorder profile of the service (under deploy/local/target/) and summarise where
     *            its time went while the reminders were being delivered (first to last delivery)
     */
    static void run(Path root, Settings settings, boolean jfr) throws Exception {
        Path home = Files.createTempDirectory("upright-bench-reminders");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("reminders", LocalStack.freePort());
        LocalStack.Options options = new LocalStack.Options(root, home, 0, 0, ports, settings.cadence());
        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        HttpServer sink = sink(deliveries);
        Path recording = root.resolve("deploy/local/target/bench-reminders-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".jfr");
        List<Delivery> inWindow = List.of();
        LocalStack profiled = new LocalStack(options).withEnvironment("reminders", BREAK_REMINDERS_ONLY);
        if (jfr) {
            Files.createDirectories(recording.getParent());
            // the java launcher reads JDK_JAVA_OPTIONS, so the service's command line stays the stack's own; the
            // recording is written when the service stops (the stack stops it before this method summarises)
            profiled.withEnvironment("reminders", Map.of("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=settings=profile,"
                    + "maxsize=2g,dumponexit=true,filename=" + recording));
        }
        try (LocalStack stack = profiled) {
            stack.start(message -> System.out.println("  " + message));
            Api admin = new Api(stack.baseUrl("reminders"), stack.tokens().issue(TENANT, "bench-admin", "admin"));
            admin.post("/api/webhook-endpoints", Map.of("url", "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook"));

            Instant enrolStart = Instant.now();
            publishEnrolments(stack.kafkaBootstrapServers(), settings.employees());
            String jdbc = stack.jdbcUrl("reminders");
            awaitSchedules(jdbc, settings.employees());
            Duration enrolTook = Duration.between(enrolStart, Instant.now());
            System.out.printf("%d employees enrolled and scheduled in %.1f s%n", settings.employees(), enrolTook.toMillis() / 1000.0);

            // the first slots fall one cadence after each enrolment; measure a window that starts there
            deliveries.clear();
            Instant windowStart = Instant.now();
            sleep(settings.window());
            Instant windowEnd = Instant.now();
            inWindow = new ArrayList<>(deliveries);
            long expired = count(jdbc, "select count(*) from event_store where event_type like '%Expired'");
            String table = table(settings, enrolTook, inWindow, windowStart, windowEnd, expired);
            System.out.println(table);
            write(root.resolve("docs/benchmarks.md"), table, BEGIN, END);
        } finally {
            sink.stop(0);
            Directories.deleteQuietly(home);
        }
        if (jfr && inWindow.size() > 1 && Files.exists(recording)) {
            Instant first = inWindow.stream().map(Delivery::receivedAt).min(Instant::compareTo).orElseThrow();
            Instant last = inWindow.stream().map(Delivery::receivedAt).max(Instant::compareTo).orElseThrow();
            String summary = JfrSummary.summarise(recording, first, last, "reminder-engine", 12);
            Path summaryFile = Path.of(recording.toString().replaceFirst("\\.jfr$", "-summary.txt"));
            Files.writeString(summaryFile, summary);
            System.out.println(summary);
            System.out.println("Profile: " + recording + ", summary: " + summaryFile);
        }
    }

    /** A local webhook receiver on loopback that answers 204 at once and records every delivery; stop it with {@code stop(0)}. */
    public static HttpServer sink(ConcurrentLinkedQueue<Delivery> deliveries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/hook", exchange -> {
            Instant received = Instant.now();
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode message = Api.JSON.readTree(body);
                deliveries.add(new Delivery(Instant.parse(message.path("slot").asText()), received, message.path("type").asText(),
                        message.path("employeeId").asText(), message.path("kind").asText()));
            } catch (RuntimeException e) {
                // a body without a slot still counts as a delivery, just not for lateness
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // daemon threads: stopping the server leaves its executor running, which kept the benchmark's JVM alive after the run
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "bench-reminders-sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    static void publishEnrolments(String bootstrap, int employees) {
        publishEnrolments(bootstrap, employees, null);
    }

    /**
     * @param before per employee (by index), an event published just ahead of the enrolment with the same key, so it
     *               is consumed first (programs publishes {@code EmployeeContactShared} that way); null for none
     */
    static void publishEnrolments(String bootstrap, int employees, BiFunction<Integer, UUID, IntegrationEvent> before) {
        UUID[] teams = new UUID[Math.max(1, employees / 50)];
        Arrays.setAll(teams, i -> UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < employees; i++) {
                UUID employee = UUID.randomUUID();
                if (before != null) {
                    producer.send(CloudEventRecords.record(TENANT, UUID.randomUUID().toString(), before.apply(i, employee)));
                }
                // working all day, so every slot in the window is inside working hours
                EmployeeEnrolled enrolled = new EmployeeEnrolled(employee, teams[i % teams.length], "UTC", "00:00", "23:59",
                        false, Instant.now());
                producer.send(CloudEventRecords.record(TENANT, UUID.randomUUID().toString(), enrolled));
            }
            producer.flush();
        }
    }

    /** A producer as the programs relay publishes with: {@code acks=all}, a short linger. */
    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }

    static void awaitSchedules(String jdbc, int employees) {
        long last = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            long scheduled = count(jdbc, "select count(distinct stream_id) from event_store where stream_type = 'schedule'");
            if (scheduled >= employees) {
                return;
            }
            if (scheduled != last) {
                last = scheduled;
                lastProgress = Instant.now();
                System.out.printf("  %d of %d schedules%n", scheduled, employees);
            } else if (Duration.between(lastProgress, Instant.now()).toMinutes() >= 2) {
                throw new IllegalStateException("Enrolment stalled at " + scheduled + " of " + employees + " schedules");
            }
            sleep(Duration.ofSeconds(5));
        }
    }

    public static long count(String jdbc, String sql) {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query the reminders database", e);
        }
    }

    private static String table(Settings settings, Duration enrolTook, List<Delivery> deliveries,
                                Instant windowStart, Instant windowEnd, long expired) {
        double seconds = Duration.between(windowStart, windowEnd).toMillis() / 1000.0;
        long[] lateness = deliveries.stream()
                .mapToLong(d -> Math.max(0, Duration.between(d.slot(), d.receivedAt()).toMillis()))
                .sorted().toArray();
        double demand = settings.employees() / (double) settings.cadence().toSeconds();
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores: ").append(settings.employees()).append(" employees enrolled through `EmployeeEnrolled` records ")
                .append("published within seconds, so every first slot (enrolment + ").append(settings.cadence().toMinutes())
                .append(" min) falls in the same few seconds: a worst-case burst, ")
                .append(String.format("%.0f", demand)).append(" reminders/s on average over a cadence. One reminders instance, ")
                .append("signed webhooks to a local sink answering 204, a ").append(Math.round(seconds))
                .append(" s measuring window.\n\n");
        out.append("| what | value |\n|---|---|\n");
        out.append(String.format("| enrolments consumed and scheduled | %d in %.1f s (%.0f/s) |%n", settings.employees(),
                enrolTook.toMillis() / 1000.0, settings.employees() / Math.max(0.001, enrolTook.toMillis() / 1000.0)));
        out.append(String.format("| reminders delivered in the window | %d (%.1f/s averaged over the window) |%n", deliveries.size(), deliveries.size() / seconds));
        if (deliveries.size() > 1) {
            Instant firstSlot = deliveries.stream().map(Delivery::slot).min(Instant::compareTo).orElseThrow();
            Instant lastSlot = deliveries.stream().map(Delivery::slot).max(Instant::compareTo).orElseThrow();
            out.append(String.format("| slots of the delivered reminders spread over | %.1f s |%n",
                    Duration.between(firstSlot, lastSlot).toMillis() / 1000.0));
            Instant first = deliveries.stream().map(Delivery::receivedAt).min(Instant::compareTo).orElseThrow();
            Instant last = deliveries.stream().map(Delivery::receivedAt).max(Instant::compareTo).orElseThrow();
            double span = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
            out.append(String.format("| delivery rate while reminders were due (first to last delivery, %.0f s) | %.1f/s |%n",
                    span, deliveries.size() / span));
        }
        out.append(String.format("| lateness against the slot, p50 / p99 / max | %s / %s / %s |%n",
                millis(percentile(lateness, 50)), millis(percentile(lateness, 99)),
                millis(lateness.length == 0 ? -1 : lateness[lateness.length - 1])));
        out.append(String.format("| reminders expired unsent (TTL) | %d |%n", expired));
        out.append("\nReproduce: `./upright bench-reminders --employees ").append(settings.employees())
                .append(" --cadence ").append(settings.cadence()).append(" --window ").append(settings.window()).append("`\n");
        return out.toString();
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String millis(long ms) {
        return ms < 0 ? "n/a" : ms < 10_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    static void write(Path doc, String table, String begin, String end) throws IOException {
        MarkedSections.replace(doc, begin, end, table);
        System.out.println("Written to " + doc);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
