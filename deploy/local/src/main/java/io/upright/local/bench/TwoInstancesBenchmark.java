package io.upright.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.local.Api;
import io.upright.local.LocalStack;
import io.upright.local.ReminderEngineBenchmark;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.TopicPartitions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./upright bench instances}: one instance of reminders and of insights against two, on the same broker and
 * database (issue 17, "Two instances"). Each service on a fresh stack of its own (PostgreSQL and the broker with the
 * durable settings, topics with their {@link TopicPartitions} counts): first one instance measures, then a second
 * instance joins ({@link LocalStack#startSecondInstance}) and the same work, on a new population, is measured again.
 * <ul>
 *   <li><b>reminders:</b> a burst of N reminders due at one second (the engine's population through
 *       {@code EmployeeEnrolled} records, as {@link ReminderEngineSuiteBenchmark} places them), drained to a local
 *       webhook sink that counts deliveries per {@code webhook-id} (the reminder id) and per sending process (the
 *       sink sees each connection's port, {@code /proc} says which process holds it). A reminder delivered twice, or
 *       recorded sent twice in the event store, fails the benchmark.</li>
 *   <li><b>insights:</b> N records spread over its four topics, timed from the first sent to the inbox holding them
 *       all; then the inbox and the read models are checked against what was published (a counter bumped twice would
 *       show), and the consumer group's assignment says which instance read which partitions.</li>
 * </ul>
 */
public final class TwoInstancesBenchmark implements Benchmark {

    private static final String TENANT = ReminderEngineBenchmark.TENANT;
    private static final String TYPE = "break.reminder";
    /** Deliveries the sink received: the reminder id, its slot and the sending connection's port. */
    private record Delivery(String id, Instant slot, Instant receivedAt, int port) {
    }

    /** One reminders burst: what was due, what arrived, and who sent it. */
    private record Burst(int instances, int due, Instant at, double drainPerSecond, long duplicates, long recordedTwice,
                         long notSent, Map<String, Long> perInstance, double enrolPerSecond) {
    }

    /** One insights run: records, time, and the checks. */
    private record Consumed(int instances, int records, double seconds, Map<String, Long> perInstance,
                            Map<String, Long> effects, Map<String, List<Integer>> assignment) {
        double perSecond() {
            return records / seconds;
        }
    }

    @Override
    public String name() {
        return "instances";
    }

    @Override
    public String title() {
        return "one instance of reminders and of insights against two on the same broker and database: speed-up, no duplicates";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int reminders = run.size(20_000, 200);
        int employees = run.size(5_000, 75); // four records each: 20 000 (tiny 300)
        List<Burst> bursts = reminders(run, reminders);
        List<Consumed> consumed = insights(run, employees);

        List<String> failures = new ArrayList<>();
        for (Burst b : bursts) {
            if (b.duplicates() > 0 || b.recordedTwice() > 0 || b.notSent() > 0) {
                failures.add(String.format(Locale.ROOT, "reminders, %d instance(s): %d delivered twice, %d recorded sent twice, "
                        + "%d of %d not delivered", b.instances(), b.duplicates(), b.recordedTwice(), b.notSent(), b.due()));
            }
        }
        for (Consumed c : consumed) {
            c.effects().forEach((what, count) -> {
                if (count != (what.startsWith("inbox") ? c.records() : c.records() / 4)) {
                    failures.add("insights, " + c.instances() + " instance(s): " + what + " = " + count);
                }
            });
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Duplicate or missing effects: " + String.join("; ", failures));
        }
        return report(reminders, employees, bursts, consumed);
    }

    // ---- reminders

    private List<Burst> reminders(BenchRun run, int due) throws Exception {
        int warmUp = run.size(1_000, 0); // none in a tiny run: it proves the harness, and every second counts there
        Duration cadence = run.tiny() ? Duration.ofMinutes(1) : Duration.ofMinutes(10);
        Duration minimumLead = run.tiny() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
        HttpServer sink = sink(received);
        int sinkPort = sink.getAddress().getPort();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("reminders", LocalStack.freePort());
        Path home = run.work().resolve("reminders");
        List<Burst> bursts = new ArrayList<>();
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), home, 0, 0, ports, cadence))
                .withEnvironment("reminders", ReminderEngineBenchmark.BREAK_REMINDERS_ONLY)
                .withEnvironment("reminders", clientIdPrefix("reminders-1-"))
                .withEnvironment("reminders-2", clientIdPrefix("reminders-2-"));
        ZoneId zone = ReminderEngineSuiteBenchmark.earlyMorningZone(Instant.now());
        try (LocalStack stack = configured) {
            stack.start(run::progress);
            try (KafkaProducer<String, byte[]> producer = ReminderEngineBenchmark.producer(stack.kafkaBootstrapServers())) {
                Api admin = new Api(stack.baseUrl("reminders"), stack.tokens().issue(TENANT, "bench-admin", "admin"));
                admin.post("/api/webhook-endpoints", Map.of("url", "http://127.0.0.1:" + sinkPort + "/hook"));
                String jdbc = stack.jdbcUrl("reminders");
                for (int instances = 1; instances <= 2; instances++) {
                    if (instances == 2) {
                        run.progress(stack.startSecondInstance("reminders") + " ready");
                        awaitBothInstances(run, stack.kafkaBootstrapServers(), "reminders", "reminders-");
                    }
                    // a small burst first: the instances' code is loaded and compiled, the next one measures
                    double enrolRate = warmUp == 0 ? 400
                            : burst(run, stack, producer, received, sinkPort, zone, cadence, minimumLead, warmUp, 400, jdbc, instances, null);
                    burst(run, stack, producer, received, sinkPort, zone, cadence, minimumLead, due, enrolRate, jdbc, instances, bursts);
                }
            }
        } finally {
            sink.stop(0);
        }
        return bursts;
    }

    /**
     * Enrols {@code count} employees whose first slot is one second S ahead, waits until they are scheduled, and
     * collects the deliveries of S until all arrived (or none for 30 s).
     *
     * @return the enrolments' consumption rate (for placing the next burst)
     */
    private double burst(BenchRun run, LocalStack stack, KafkaProducer<String, byte[]> producer, ConcurrentLinkedQueue<Delivery> received,
                         int sinkPort, ZoneId zone, Duration cadence, Duration minimumLead, int count, double enrolRate, String jdbc,
                         int instances, List<Burst> measured) throws Exception {
        long scheduledBefore = ReminderEngineBenchmark.count(jdbc, "select count(*) from schedule");
        Instant enrolStart = Instant.now();
        Duration lead = max(minimumLead, Duration.ofMillis((long) (1500 * count / enrolRate)));
        Instant at = enrolStart.plus(lead).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_TIME;
        String dayStart = at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(local);
        // ends before the next slot (one cadence on), which so falls on the next day
        String dayEnd = at.plus(cadence).minusSeconds(1).atZone(zone).toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(local);
        UUID[] teams = new UUID[Math.max(1, count / 50)];
        for (int i = 0; i < teams.length; i++) {
            teams[i] = UUID.randomUUID();
        }
        for (int i = 0; i < count; i++) {
            producer.send(CloudEventRecords.record(TENANT, UUID.randomUUID().toString(), new EmployeeEnrolled(UUID.randomUUID(),
                    teams[i % teams.length], zone.getId(), dayStart, dayEnd, false, enrolStart.minus(cadence))));
        }
        producer.flush();
        awaitCount(jdbc, "select count(*) from schedule", scheduledBefore + count, "schedules");
        double rate = count / seconds(enrolStart, Instant.now());
        int due = (int) ReminderEngineBenchmark.count(jdbc, "select count(*) from due_reminder where slot = to_timestamp("
                + at.getEpochSecond() + ")");
        if (measured == null) {
            drain(run, stack, received, sinkPort, at, due, null);
            run.progress(String.format(Locale.ROOT, "%d instance(s): warm-up burst of %d delivered", instances, count));
            return rate;
        }
        Map<String, Long> perInstance = new TreeMap<>();
        List<Delivery> delivered = drain(run, stack, received, sinkPort, at, due, perInstance);
        Instant last = delivered.stream().map(Delivery::receivedAt).max(Instant::compareTo).orElse(at);
        double drain = delivered.size() / seconds(at, last);
        Map<String, Long> perId = delivered.stream().collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
        long duplicates = perId.values().stream().mapToLong(n -> n - 1).sum();
        long recordedTwice = ReminderEngineBenchmark.count(jdbc, "select count(*) from (select stream_id from event_store "
                + "where event_type = 'ReminderSent' group by stream_id having count(*) > 1) twice");
        long notSent = due - perId.size();
        Burst burst = new Burst(instances, due, at, drain, duplicates, recordedTwice, notSent, perInstance, rate);
        measured.add(burst);
        run.progress(String.format(Locale.ROOT, "%d instance(s): %d of %d due at %s delivered at %.0f/s, %d duplicate(s), "
                        + "%d recorded sent twice, per instance %s; enrolments consumed at %.0f/s", instances, perId.size(), due, at,
                drain, duplicates, recordedTwice, perInstance, rate));
        return rate;
    }

    /** The deliveries of slot {@code at}, once {@code due} distinct reminders arrived or none came for 30 s. */
    private static List<Delivery> drain(BenchRun run, LocalStack stack, ConcurrentLinkedQueue<Delivery> received, int sinkPort,
                                        Instant at, int due, Map<String, Long> perInstance) throws InterruptedException {
        Map<Integer, String> owners = new HashMap<>();
        long last = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            if (perInstance != null) {
                owners.putAll(SocketOwners.connectedTo(sinkPort, stack.pids()));
            }
            long arrived = received.stream().filter(d -> d.slot().equals(at)).map(Delivery::id).distinct().count();
            if (arrived >= due) {
                break;
            }
            if (arrived != last) {
                last = arrived;
                lastProgress = Instant.now();
            } else if (Instant.now().isAfter(at)
                    && Duration.between(lastProgress.isAfter(at) ? lastProgress : at, Instant.now()).toSeconds() >= 30) {
                // 30 s without a delivery counted from the due instant, not from the start of a wait that began earlier
                run.progress("only " + arrived + " of " + due + " arrived");
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500); // a second delivery of the same reminder would be right behind
        List<Delivery> delivered = received.stream().filter(d -> d.slot().equals(at)).toList();
        if (perInstance != null) {
            owners.putAll(SocketOwners.connectedTo(sinkPort, stack.pids()));
            delivered.forEach(d -> perInstance.merge(owners.getOrDefault(d.port(), "unattributed"), 1L, Long::sum));
        }
        received.removeIf(d -> d.slot().equals(at));
        return delivered;
    }

    /** The webhook receiver: answers 204 at once, records the reminder id ({@code webhook-id}), slot and connection. */
    private static HttpServer sink(ConcurrentLinkedQueue<Delivery> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode message = Api.JSON.readTree(body);
                if (TYPE.equals(message.path("type").asText())) {
                    received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                            Instant.parse(message.path("slot").asText()), at, exchange.getRemoteAddress().getPort()));
                }
            } catch (RuntimeException e) {
                // not a reminder: not counted
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "bench-instances-sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    // ---- insights

    private List<Consumed> insights(BenchRun run, int employees) throws Exception {
        int warmUp = run.size(500, 0);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("insights", LocalStack.freePort());
        Path home = run.work().resolve("insights");
        List<Consumed> consumed = new ArrayList<>();
        LocalStack configured = new LocalStack(new LocalStack.Options(run.root(), home, 0, 0, ports, Duration.ofHours(12)))
                .withEnvironment("insights", clientIdPrefix("insights-1-"))
                .withEnvironment("insights-2", clientIdPrefix("insights-2-"));
        try (LocalStack stack = configured) {
            stack.start(run::progress);
            String jdbc = stack.jdbcUrl("insights");
            try (KafkaProducer<String, byte[]> producer = ReminderEngineBenchmark.producer(stack.kafkaBootstrapServers())) {
                for (int instances = 1; instances <= 2; instances++) {
                    if (instances == 2) {
                        run.progress(stack.startSecondInstance("insights") + " ready");
                        awaitBothInstances(run, stack.kafkaBootstrapServers(), "insights", "insights-");
                    }
                    if (warmUp > 0) {
                        String warmTenant = "bench-warm-" + instances;
                        publish(producer, warmTenant, warmUp, null);
                        awaitCount(jdbc, "select count(*) from inbox where tenant_id = '" + warmTenant + "'", 4L * warmUp, "inbox rows");
                    }
                    String tenant = "bench-" + instances;
                    Map<TopicPartition, Long> perPartition = new ConcurrentHashMap<>();
                    long started = System.nanoTime();
                    publish(producer, tenant, employees, perPartition);
                    awaitCount(jdbc, "select count(*) from inbox where tenant_id = '" + tenant + "'", 4L * employees, "inbox rows");
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Map<String, List<Integer>> assignment = new TreeMap<>();
                    Map<String, Long> perInstance = new TreeMap<>();
                    assignment(stack.kafkaBootstrapServers(), "insights").forEach((member, partitions) -> {
                        String instance = member.startsWith("insights-2-") ? "insights-2" : "insights";
                        for (TopicPartition p : partitions) {
                            assignment.computeIfAbsent(instance + " " + p.topic(), k -> new ArrayList<>()).add(p.partition());
                            perInstance.merge(instance, perPartition.getOrDefault(p, 0L), Long::sum);
                        }
                    });
                    assignment.values().forEach(list -> list.sort(Integer::compare));
                    Consumed c = new Consumed(instances, 4 * employees, seconds, perInstance, effects(jdbc, tenant), assignment);
                    consumed.add(c);
                    run.progress(String.format(Locale.ROOT, "insights, %d instance(s): %d records in %.2f s, %.0f/s; per instance %s; "
                            + "effects %s", instances, c.records(), seconds, c.perSecond(), perInstance, c.effects()));
                }
            }
        }
        return consumed;
    }

    /** Per employee one record on each of insights' four topics, as their owners publish them. */
    private static void publish(KafkaProducer<String, byte[]> producer, String tenant, int employees, Map<TopicPartition, Long> perPartition) {
        Instant now = Instant.now();
        UUID[] teams = new UUID[Math.max(1, employees / 50)];
        for (int i = 0; i < teams.length; i++) {
            teams[i] = UUID.randomUUID();
        }
        for (int i = 0; i < employees; i++) {
            UUID employee = UUID.randomUUID();
            List<IntegrationEvent> events = List.of(
                    new EmployeeEnrolled(employee, teams[i % teams.length], "Europe/Berlin", "08:00", "17:00", false, now),
                    new AssessmentStarted(UUID.randomUUID(), employee, "desk-check", 1, now),
                    new ExerciseSessionCompleted(UUID.randomUUID(), employee, "posture-reset", null, 5, 1 + i % 5, now),
                    new BreakReminderSent(UUID.randomUUID(), employee, now, "break", "webhook", now));
            for (IntegrationEvent event : events) {
                producer.send(CloudEventRecords.record(tenant, UUID.randomUUID().toString(), event), (metadata, failure) -> {
                    if (failure == null && perPartition != null) {
                        perPartition.merge(new TopicPartition(metadata.topic(), metadata.partition()), 1L, Long::sum);
                    }
                });
            }
        }
        producer.flush();
    }

    /** What the tenant's records did: inbox rows and read-model counts, each of which must equal what was published. */
    private static Map<String, Long> effects(String jdbc, String tenant) {
        Map<String, Long> effects = new LinkedHashMap<>();
        String where = " where tenant_id = '" + tenant + "'";
        effects.put("inbox rows", ReminderEngineBenchmark.count(jdbc, "select count(*) from inbox" + where));
        effects.put("inbox distinct events", ReminderEngineBenchmark.count(jdbc, "select count(distinct (source, event_id)) from inbox" + where));
        effects.put("members", ReminderEngineBenchmark.count(jdbc, "select count(*) from insights_member" + where));
        effects.put("assessment-started facts", ReminderEngineBenchmark.count(jdbc, "select count(*) from insights_fact" + where
                + " and kind = 'assessment-started'"));
        effects.put("exercise sessions counted", ReminderEngineBenchmark.count(jdbc,
                "select coalesce(sum(exercise_sessions), 0) from insights_employee_activity" + where));
        effects.put("reminders sent counted", ReminderEngineBenchmark.count(jdbc,
                "select coalesce(sum(reminders_sent), 0) from insights_employee_activity" + where));
        return effects;
    }

    // ---- both

    /** Each instance's Kafka clients named after it, so the group's members say which instance they are. */
    private static Map<String, String> clientIdPrefix(String prefix) {
        return Map.of("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_CLIENT_ID_PREFIX", prefix);
    }

    /** Until the group is stable with members of both instances, every one holding partitions. */
    private static void awaitBothInstances(BenchRun run, String bootstrap, String group, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Map<String, Set<TopicPartition>> members = assignment(bootstrap, group);
            boolean both = members.keySet().stream().anyMatch(m -> m.startsWith(prefix + "1-"))
                    && members.keySet().stream().anyMatch(m -> m.startsWith(prefix + "2-"));
            if (both && members.values().stream().noneMatch(Set::isEmpty)) {
                run.progress("group " + group + ": " + members.size() + " members of two instances, all assigned");
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Consumer group " + group + " never spread over both instances");
    }

    /** The stable group's members (client id) and their partitions; empty while it rebalances. */
    private static Map<String, Set<TopicPartition>> assignment(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            Map<String, Set<TopicPartition>> members = new TreeMap<>();
            if (description.groupState() != GroupState.STABLE) {
                return members;
            }
            for (MemberDescription member : description.members()) {
                members.put(member.clientId() + " " + member.consumerId(), member.assignment().topicPartitions());
            }
            return members;
        }
    }

    private static void awaitCount(String jdbc, String sql, long expected, String what) throws InterruptedException {
        long last = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            long now = ReminderEngineBenchmark.count(jdbc, sql);
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).toMinutes() >= 2) {
                throw new IllegalStateException("Stalled at " + now + " of " + expected + " " + what);
            }
            Thread.sleep(50);
        }
    }

    // ---- report

    private static Report report(int reminders, int employees, List<Burst> bursts, List<Consumed> consumed) {
        Burst one = bursts.get(0);
        Burst two = bursts.get(1);
        Consumed c1 = consumed.get(0);
        Consumed c2 = consumed.get(1);
        String partitions = "upright.programs, .assessments, .exercises, .reminders " + TopicPartitions.BUSY
                + " partitions each; upright.insights and the dead-letter topics " + TopicPartitions.QUIET;
        Report report = new Report(String.format(Locale.ROOT, "Each service on a fresh stack of its own: PostgreSQL with "
                + "`synchronous_commit=on`, one KRaft broker flushing every append, topics as `./upright up` creates them (%s). "
                + "The packaged service as `./upright up` runs it; first one instance measures, then a second JVM of the same "
                + "service joins (same database, same consumer groups, its own port) and the same work on a new population is "
                + "measured again; a small warm-up round before each (none in a tiny run). **reminders:** %d employees enrolled through "
                + "`EmployeeEnrolled` on upright.programs with their first slot at the same second (break reminders only), a "
                + "signed webhook to a local sink answering 204 at once; drain = deliveries / (due instant to last delivery). "
                + "The sink counts deliveries per `webhook-id` (the reminder id) and per sending process (its connection's "
                + "port, whose owner `/proc` names); the event store is checked for a `ReminderSent` twice in one stream. "
                + "**insights:** %d employees with one record on each of its four topics (`EmployeeEnrolled`, `AssessmentStarted`, "
                + "`ExerciseSessionCompleted`, `BreakReminderSent`: %d records) from one producer (`acks=all`), timed from "
                + "the first sent until its inbox holds them all; then the inbox and the read models (members, facts, the "
                + "per-employee counters a second application would bump twice) must equal what was published. Baseline: "
                + "the same service with one instance, same run; the ratio is the speed-up.", partitions, reminders, employees,
                4 * employees));
        report.row(new Comparison("reminders: burst drain, two instances", Measure.of(two.drainPerSecond(), "reminders/s"),
                "one instance", Measure.of(one.drainPerSecond(), "reminders/s"), null));
        report.row(new Comparison("reminders: enrolments consumed, two instances", Measure.of(two.enrolPerSecond(), "records/s"),
                "one instance", Measure.of(one.enrolPerSecond(), "records/s"), null));
        report.row(new Comparison("insights: records to effect, two instances", Measure.of(c2.perSecond(), "records/s"),
                "one instance", Measure.of(c1.perSecond(), "records/s"), null));
        for (Burst b : bursts) {
            report.note(String.format(Locale.ROOT, "reminders, %d instance(s): %d due, %d delivered once each, **%d delivered "
                            + "twice**, %d recorded sent twice; sent by %s.", b.instances(), b.due(), b.due() - b.notSent(),
                    b.duplicates(), b.recordedTwice(), b.perInstance()));
        }
        for (Consumed c : consumed) {
            report.note(String.format(Locale.ROOT, "insights, %d instance(s): %d records in %.1f s; records per instance (by the "
                            + "partitions it held) %s; partitions held %s; effects %s (each must be %d, inbox %d).", c.instances(),
                    c.records(), c.seconds(), c.perInstance(), c.assignment(), c.effects(), c.records() / 4, c.records()));
        }
        report.note("The engine splits a burst through `FOR UPDATE SKIP LOCKED` claims, not partitions; enrolments and "
                + "insights' records split by partition, so an even share needs a partition count that is a multiple of the "
                + "instance count (docs/architecture.md, Topics and partitions). Both services share the box's two cores "
                + "with PostgreSQL and the broker, so the speed-up here is what a second JVM adds on the same cores.");
        return report;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }

    /** Which process holds each TCP connection to a local port, from Linux's {@code /proc}; empty elsewhere. */
    static final class SocketOwners {

        private SocketOwners() {
        }

        /** @return the local (source) port of each connection to {@code port}, with the name of the process holding it */
        static Map<Integer, String> connectedTo(int port, Map<String, Long> pids) {
            Map<Long, Integer> byInode = new HashMap<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                try {
                    for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 9 && hexPort(f[2]) == port) {
                            byInode.put(Long.parseLong(f[9]), hexPort(f[1]));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // no such table here
                }
            }
            Map<Integer, String> owners = new HashMap<>();
            pids.forEach((name, pid) -> {
                try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                    fds.forEach(fd -> {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith("socket:[")) {
                                Integer local = byInode.get(Long.parseLong(target.substring(8, target.length() - 1)));
                                if (local != null) {
                                    owners.put(local, name);
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            // closed meanwhile
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    // not Linux, or the process is gone
                }
            });
            return owners;
        }

        private static int hexPort(String address) {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
        }
    }
}
