package io.upright.local;

import io.upright.contracts.UprightService;
import io.upright.localinfra.Directories;
import io.upright.localinfra.Durability;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * {@code ./upright chaos}: the packaged stack with durable settings, a mixed workload through the public APIs
 * ({@link ChaosWorkload}), and while it runs, in turn: a {@code kill -9} of each service (the supervisor restarts it),
 * a restart of the Kafka broker, a {@code kill -9} of PostgreSQL and its restart, a poison record on each topic, and a
 * database outage for one consumer. Then it checks the invariants ({@link ChaosChecks}) and writes
 * {@code docs/reliability.md}. A harness, not a unit test: {@code ChaosIT} runs one short round in the end-to-end tests.
 */
public final class ChaosRun {

    /** What one run is asked to do. */
    public record Options(Path repositoryRoot, Path home, int rounds, Duration outage, Path report) {
    }

    /** One fault: how often it was injected and how long until the system answered again, at worst. */
    public record FaultRow(String fault, int occurrences, Duration worstRecovery) {
    }

    /** Everything a run found. {@link #holds()} is true when no promise broke. */
    public record Result(List<FaultRow> faults, ChaosChecks.CommandOutcomes commands, Map<String, List<String>> invariants,
                         int gaveUp, int rejected, List<String> notes, Duration elapsed) {
        public boolean holds() {
            return commands.problems().isEmpty() && invariants.values().stream().allMatch(List::isEmpty) && gaveUp == 0;
        }
    }

    static final String POISON_KEY = "chaos-poison-";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration SETTLE = Duration.ofSeconds(8);

    private final Options options;
    private final PrintStream out;

    public ChaosRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public Result run() throws SQLException {
        Instant began = Instant.now();
        Directories.deleteQuietly(options.home());
        LocalStack.Options stackOptions = LocalStack.Options.isolated(options.repositoryRoot(), options.home(), Duration.ofSeconds(20))
                .withDurability(Durability.DURABLE);
        List<String> notes = new ArrayList<>();
        AtomicReference<String> gaveUpOn = new AtomicReference<>();
        try (LocalStack stack = new LocalStack(stackOptions).start(step -> out.println("  " + step));
             WebhookInbox inbox = WebhookInbox.start(0, null)) {
            stack.supervise(line -> out.println("  [supervisor] " + line), gaveUpOn::set);
            String tenant = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
            ChaosWorkload workload = new ChaosWorkload(stack, tenant);
            workload.prepare(inbox);
            workload.start();
            out.println("Workload running for tenant " + tenant);
            pause(Duration.ofSeconds(15));

            Map<String, List<Duration>> recoveries = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
                    inject(recoveries, workload, stack, "kill -9 " + service, () -> stack.kill(service));
                }
                if (round == 1) {
                    String erased = workload.eraseOne();
                    out.println("  erased employee " + erased);
                }
                inject(recoveries, workload, stack, "Kafka broker restart", stack::restartKafka);
                inject(recoveries, workload, stack, "kill -9 PostgreSQL, then restart", () -> stack.crashPostgres(Duration.ofSeconds(3)));
                inject(recoveries, workload, stack, "poison record on each topic", () -> poisonEveryTopic(stack, tenant));
                inject(recoveries, workload, stack, options.outage().toSeconds() + " s database outage for insights",
                        () -> stack.databaseOutage("insights", options.outage()));
            }
            workload.stop();
            if (gaveUpOn.get() != null) {
                notes.add("The supervisor gave up on " + gaveUpOn.get());
            }
            out.println("Workload stopped: " + workload.acknowledged().size() + " commands acknowledged; draining...");
            // the reminder engine sends on its own: with it running nothing is ever quiet enough to compare
            stack.stopSupervising();
            stack.restart("reminders", Map.of("UPRIGHT_REMINDERS_ENGINE_ENABLED", "false"));
            drain(stack, notes);
            Instant dumped = Instant.now();

            ChaosChecks checks = new ChaosChecks(stack);
            Map<String, List<TopicDump.Entry>> topics = new LinkedHashMap<>();
            Map<String, List<TopicDump.Entry>> deadLetters = new LinkedHashMap<>();
            for (UprightService service : UprightService.values()) {
                topics.put(service.topic(), TopicDump.read(stack.kafkaBootstrapServers(), service.topic()));
                deadLetters.put(service.deadLetterTopic(), TopicDump.read(stack.kafkaBootstrapServers(), service.deadLetterTopic()));
            }
            Predicate<TopicDump.Entry> poison = e -> e.key() != null && e.key().startsWith(POISON_KEY);
            ChaosChecks.CommandOutcomes commands = checks.commandsHaveOneEventEach(workload.acknowledged(), workload.erasedPeople());
            Map<String, List<String>> invariants = new LinkedHashMap<>();
            invariants.put("every stored event reached its topic exactly once (by event id)", checks.everyStoredEventIsOnItsTopicOnce(topics, dumped));
            invariants.put("every consumer applied each record exactly once (its inbox holds every readable record it reads)",
                    checks.everyConsumerAppliedEveryRecord(topics, poison));
            invariants.put("the dead-letter topics hold only the injected poison", checks.deadLettersAreOnlyTheInjectedPoison(deadLetters, poison));
            List<String> poisonNotDeadLettered = new ArrayList<>();
            ChaosChecks.CONSUMED.forEach((service, read) -> {
                long expected = read.size() * (long) options.rounds();
                long found = deadLetters.getOrDefault("upright." + service + ".dlq", List.of()).stream().filter(poison).count();
                if (found != expected) {
                    poisonNotDeadLettered.add(service + ": " + found + " poison records dead-lettered, expected " + expected);
                }
            });
            invariants.put("each consumer dead-lettered the poison of every topic it reads", poisonNotDeadLettered);
            invariants.put("insights' read models equal a fresh replay", replayMatches(stack, checks, tenant));

            List<FaultRow> rows = new ArrayList<>();
            recoveries.forEach((fault, times) -> rows.add(new FaultRow(fault, times.size(),
                    times.stream().max(Duration::compareTo).orElse(Duration.ZERO))));
            Result result = new Result(rows, commands, invariants, workload.gaveUp(), workload.rejected(), notes,
                    Duration.between(began, Instant.now()));
            workload.rejections().stream().limit(10).forEach(r -> notes.add("refused or given up: " + r));
            if (options.report() != null) {
                write(result, options.report());
                out.println("Report written to " + options.report());
            }
            return result;
        }
    }

    /** Injects one fault while the workload runs and waits until the whole system answers again. */
    private void inject(Map<String, List<Duration>> recoveries, ChaosWorkload workload, LocalStack stack, String fault, Runnable injection) {
        out.println("Fault: " + fault);
        workload.during(fault);
        Instant start = Instant.now();
        injection.run();
        Duration recovered = awaitRecovered(stack, workload.tenant(), Duration.ofMinutes(4), start);
        out.println("  recovered in " + recovered.toMillis() / 100 / 10.0 + " s");
        recoveries.computeIfAbsent(fault, f -> new ArrayList<>()).add(recovered);
        pause(SETTLE);
        workload.during("none");
    }

    /** Until every service is ready again and a probe command is acknowledged; measured from {@code since}. */
    private Duration awaitRecovered(LocalStack stack, String tenant, Duration timeout, Instant since) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (stack.allHealthy() && probe(stack, tenant)) {
                return Duration.between(since, Instant.now());
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The system did not recover within " + timeout.toMinutes() + " minutes");
    }

    /** A write through programs and a read back from insights' consumer side: the probe team reaches the store. */
    private static boolean probe(LocalStack stack, String tenant) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl("programs") + "/api/teams"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + stack.tokens().issue("chaos-probe", "probe-hr", "hr"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"probe " + UUID.randomUUID() + "\"}")).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One unreadable record on each topic: no {@code ce_type}, a body that is not JSON. */
    private static void poisonEveryTopic(LocalStack stack, String tenant) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (UprightService service : UprightService.values()) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_id", (POISON_KEY + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
                headers.add("ce_source", ("urn:upright:" + service.name().toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
                headers.add("ce_tenant", tenant.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(service.topic(), null, POISON_KEY + UUID.randomUUID(),
                        "{not json".getBytes(StandardCharsets.UTF_8), headers)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot inject poison", e);
        }
    }

    /** Until every outbox is published and every consumer group has read every topic it reads. */
    private void drain(LocalStack stack, List<String> notes) throws SQLException {
        ChaosChecks checks = new ChaosChecks(stack);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
            while (true) {
                long pending;
                try (var c = checks.connect(service); var ps = c.prepareStatement("select count(*) from outbox where published_at is null");
                     var rs = ps.executeQuery()) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending == 0) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    notes.add(service + " still had " + pending + " unpublished outbox rows after 3 minutes");
                    break;
                }
                pause(Duration.ofMillis(500));
            }
        }
        ChaosChecks.CONSUMED.forEach((group, read) -> {
            if (!stack.awaitConsumed(group, read, Duration.ofMinutes(3))) {
                notes.add("consumer group " + group + " had not caught up after 3 minutes");
            }
        });
    }

    /** Fingerprints insights' read models, replays as the operator, fingerprints again: they must be equal. */
    private static List<String> replayMatches(LocalStack stack, ChaosChecks checks, String tenant) throws SQLException {
        Map<String, List<String>> before = checks.insightsReadModels();
        String operator = stack.tokens().issue("operations", "chaos-operator", "operator");
        int status = -1;
        String body = "";
        for (String path : List.of("/api/operator/insights/replay")) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("insights") + path))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + operator)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                body = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status != 404 && status != 405) {
                break;
            }
        }
        List<String> problems = new ArrayList<>();
        if (status >= 300 || status < 200) {
            problems.add("the replay answered " + status + " " + body);
            return problems;
        }
        problems.addAll(ChaosChecks.differences(before, checks.insightsReadModels()));
        return problems;
    }

    /** docs/reliability.md: one row per fault, then the invariants. */
    static void write(Result result, Path file) {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n");
        md.append("Measured by the chaos harness (`deploy/local` `ChaosRun`) on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(java.time.LocalDate.now(ZoneOffset.UTC)))
                .append(", on this project's CI machine kind (2 cores). Reproduce with:\n\n")
                .append("```\n./upright chaos            # one round of every fault, writes this file\n./upright chaos --rounds 3\n```\n\n")
                .append("The packaged stack runs with the durable settings (`synchronous_commit=on`, `fsync=on`, Kafka log flushed on every ")
                .append("record) and the launcher's supervisor. A workload drives the public APIs as HR and employees would (enrolments, ")
                .append("desk checks, exercise sessions, answers to break reminders, one erasure), retrying each command with its ")
                .append("`Idempotency-Key` while its outcome is unknown, as any client must. A command is **acknowledged** when a 2xx came back; ")
                .append("it is **lost** when its service's event store does not hold its event, **duplicated** when it holds it twice. ")
                .append("Commands are counted under the fault being injected when they were first sent.\n\n");
        md.append("| Fault | Occurrences | Commands acknowledged | Lost | Duplicated | Time to recover (worst) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        ChaosChecks.CommandOutcomes c = result.commands();
        List<String> faults = new ArrayList<>();
        result.faults().forEach(f -> faults.add(f.fault()));
        for (FaultRow row : result.faults()) {
            md.append("| ").append(row.fault()).append(" | ").append(row.occurrences()).append(" | ")
                    .append(c.acknowledged().getOrDefault(row.fault(), 0)).append(" | ")
                    .append(c.lost().getOrDefault(row.fault(), 0)).append(" | ")
                    .append(c.duplicated().getOrDefault(row.fault(), 0)).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", row.worstRecovery().toMillis() / 1000.0)).append(" |\n");
        }
        md.append("| (between faults) | | ").append(c.acknowledged().getOrDefault("none", 0)).append(" | ")
                .append(c.lost().getOrDefault("none", 0)).append(" | ").append(c.duplicated().getOrDefault("none", 0)).append(" | |\n\n");
        md.append("Time to recover: from the injection (for the outage, from its start) until every service reports ready and a ")
                .append("new command is acknowledged.\n\n");
        md.append("## Invariants\n\n| Invariant | Holds |\n|---|---|\n");
        md.append("| every acknowledged command produced exactly one event in its store | ")
                .append(c.problems().isEmpty() ? "yes" : "**no**: " + c.problems().size()).append(" |\n");
        result.invariants().forEach((name, problems) -> md.append("| ").append(name).append(" | ")
                .append(problems.isEmpty() ? "yes" : "**no**: " + String.join("; ", problems.stream().limit(3).toList()))
                .append(" |\n"));
        md.append("\nCommands given up after ").append(ChaosWorkload.GIVE_UP_AFTER.toMinutes()).append(" minutes of retrying: ")
                .append(result.gaveUp()).append(". Commands refused with a 4xx: ").append(result.rejected())
                .append(". Run time: ").append(result.elapsed().toSeconds()).append(" s.\n");
        if (!result.notes().isEmpty()) {
            md.append("\nNotes:\n\n");
            result.notes().forEach(n -> md.append("- ").append(n.replace("|", "\\|")).append('\n'));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
