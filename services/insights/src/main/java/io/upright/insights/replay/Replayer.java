package io.upright.insights.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upright.contracts.UprightService;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.insights.InsightsConfig;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.messaging.TopicConsumer;
import io.upright.platform.coordination.OneAtATime;
import io.upright.platform.inbox.Inbox;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.PoisonRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds the read models from the topics, from the first record on, into <b>shadow tables</b>, and swaps them in at
 * the end, so dashboards keep answering from the old rows (and live consumption goes on) while it runs:
 * <ol>
 *   <li><b>Snapshot.</b> The end offsets of the four topics are taken.</li>
 *   <li><b>Build</b> (one transaction, nothing of the live tables locked). A schema of its own,
 *   {@code insights_rebuild_<random>}, gets an empty copy of every read-model table and of the inbox
 *   ({@code create table … (like … including all)}). The transaction sets {@code search_path} to that schema first,
 *   then the service's: the projections, which write to fixed table names ({@code insights_fact}, {@code inbox}, …),
 *   write into the copies without knowing it, through the very same {@link TopicConsumer#dispatch} and
 *   {@link Inbox#accept} as live consumption. Every record up to the snapshot is read with a plain consumer of its own
 *   (assigned partitions, no group offsets touched) and applied; {@code EmployeeErased} records go last.</li>
 *   <li><b>Swap</b> (one short transaction). The live tables and the inbox are locked ({@code EXCLUSIVE}: plain reads
 *   go on and see the old rows until the commit; live consumers wait). The records that reached the topics since the
 *   snapshot, up to the end offsets seen now that nothing can be applied live, are applied to the copies too; then
 *   the live rows are replaced by the copies' (the inbox rows of consumer {@code insights} included) and the schema
 *   is dropped. A record consumed live during the build is in the result once: it is on the topics below the end
 *   offsets taken under the lock, so the replay applied it to the copies, and its copy inbox row, now live, makes a
 *   consumer that still holds it skip it. A record above those offsets cannot have been applied live yet.</li>
 * </ol>
 * With a tenant, only that tenant's records are applied (the others are counted and skipped) and only that tenant's
 * rows, inbox rows included, are replaced.
 *
 * <p>Why {@code search_path} rather than table names as parameters: the projections and the platform's inbox write to
 * fixed names in a dozen statements; a per-transaction {@code set local search_path} redirects all of them with no
 * change to any of them, lasts exactly as long as the build's (or swap's) transaction, and every statement of a
 * transaction runs on the one connection the transaction holds. Tables not copied (settings, snapshots, outbox)
 * still resolve to the service's schema.
 */
@ApplicationScoped
public class Replayer {

    /** What a replay did. {@code tenant} is null for every tenant. */
    public record Report(String tenant, Map<String, Long> recordsPerTopic, long recordsRead, long eventsApplied,
                         long appliedAfterSnapshot, long duplicatesSkipped, long unreadableSkipped,
                         long otherTenantsSkipped, Instant startedAt, Instant finishedAt) {
    }

    static final List<String> TOPICS = List.of(UprightService.PROGRAMS.topic(), UprightService.ASSESSMENTS.topic(),
            UprightService.EXERCISES.topic(), UprightService.REMINDERS.topic());

    /** Every table a replay rebuilds; each has a {@code tenant_id}. */
    /**
     * What a replay rebuilds. Not the erasure tombstones ({@code insights_erased_employee}): the team they keep came from
     * a sealed enrolment a replay can no longer open, so they are kept as they are, like the published weeks; the
     * rebuild reads them where they are (its search path falls through to the live schema) and adds any missing.
     */
    static final List<String> READ_MODELS = List.of("insights_team", "insights_member", "insights_employee_activity",
            "insights_latest_assessment", "insights_program", "insights_program_phase", "insights_program_team",
            "insights_fact", "insights_sitting_report");

    private static final Logger LOG = Logger.getLogger(Replayer.class);

    /**
     * Runs between the build and the swap. Tests hold a replay here to read the dashboards and consume live records
     * while it is in progress; a no-op otherwise.
     */
    static volatile Runnable beforeSwap = () -> {
    };

    /** One replay at a time across every instance: two would swap the live tables under each other. */
    static final String LOCK = "insights-replay";

    @Inject
    OneAtATime oneAtATime;

    @Inject
    DataSource dataSource;

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    Inbox inbox;

    @Inject
    Instance<TopicConsumer> consumers;

    @Inject
    Clock clock;

    @Inject
    InsightsConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The running totals of one replay. */
    private static final class Counts {
        final Map<String, Long> perTopic = new LinkedHashMap<>();
        long read;
        long applied;
        long afterSnapshot;
        long duplicates;
        long unreadable;
        long otherTenants;

        Counts() {
            TOPICS.forEach(t -> perTopic.put(t, 0L));
        }
    }

    /**
     * @param tenant the one tenant to rebuild, or null for every tenant
     * @return empty when another replay is already running
     */
    public Optional<Report> replay(String tenant) {
        Optional<OneAtATime.Held> held = oneAtATime.tryAcquire(LOCK);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        String schema = "insights_rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Instant started = Instant.now(clock);
            Counts counts = new Counts();
            Map<TopicPartition, Long> snapshot = endOffsets();
            String main = QuarkusTransaction.requiringNew()
                    .timeout(timeoutSeconds())
                    .call(() -> build(schema, tenant, snapshot, counts));
            beforeSwap.run();
            QuarkusTransaction.requiringNew()
                    .timeout(timeoutSeconds())
                    .run(() -> swap(schema, main, tenant, snapshot, counts));
            Report report = new Report(tenant, counts.perTopic, counts.read, counts.applied, counts.afterSnapshot,
                    counts.duplicates, counts.unreadable, counts.otherTenants, started, Instant.now(clock));
            LOG.infof("Replayed %d records%s: %d applied (%d after the snapshot), %d duplicates, %d unreadable",
                    report.recordsRead(), tenant == null ? "" : " for one tenant", report.eventsApplied(),
                    report.appliedAfterSnapshot(), report.duplicatesSkipped(), report.unreadableSkipped());
            return Optional.of(report);
        } finally {
            dropQuietly(schema);
            held.get().close();
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, config.replayTimeout().toSeconds());
    }

    /** Creates the copies, points the transaction at them and applies every record up to the snapshot. */
    private String build(String schema, String tenant, Map<TopicPartition, Long> snapshot, Counts counts) throws SQLException {
        String main;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_schema()")) {
                rs.next();
                main = rs.getString(1);
            }
            s.execute("create schema " + quote(schema));
            for (String table : copied()) {
                s.execute("create table " + quote(schema) + "." + table + " (like " + quote(main) + "." + table + " including all)");
            }
            s.execute("set local search_path to " + quote(schema) + ", " + quote(main));
        }
        apply(read(Map.of(), snapshot), tenant, counts);
        return main;
    }

    /** Locks the live tables, applies what arrived since the snapshot to the copies and replaces the live rows. */
    private void swap(String schema, String main, String tenant, Map<TopicPartition, Long> snapshot, Counts counts) {
        // the shadow build's dispatches fired for the tenants they touched; the swap replaces rows wholesale
        readModelChanged.fire(tenant == null ? ReadModelChanged.everyTenant() : new ReadModelChanged(tenant));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the inbox first: a live transaction that already holds an inbox row is waited for, never deadlocked with
            StringBuilder lock = new StringBuilder("lock table " + quote(main) + ".inbox");
            READ_MODELS.forEach(t -> lock.append(", ").append(quote(main)).append('.').append(t));
            s.execute(lock + " in exclusive mode");
            s.execute("set local search_path to " + quote(schema) + ", " + quote(main));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the insights read models for the swap", e);
        }
        // nothing is applied live from here on: every record a live consumer applied lies below these offsets
        Map<TopicPartition, Long> now = endOffsets();
        long before = counts.applied;
        apply(read(snapshot, now), tenant, counts);
        counts.afterSnapshot = counts.applied - before;
        String onlyTenant = tenant == null ? "" : " where tenant_id = ?";
        for (String table : READ_MODELS) {
            execute("delete from " + quote(main) + "." + table + onlyTenant, tenant);
            execute("insert into " + quote(main) + "." + table + " select * from " + quote(schema) + "." + table + onlyTenant, tenant);
        }
        String inboxOfTenant = " where consumer = '" + TopicConsumer.CONSUMER + "'" + (tenant == null ? "" : " and tenant_id = ?");
        execute("delete from " + quote(main) + ".inbox" + inboxOfTenant, tenant);
        execute("insert into " + quote(main) + ".inbox select * from " + quote(schema) + ".inbox" + inboxOfTenant, tenant);
    }

    /** Applies records through the inbox and the topic's consumer, erasures last. */
    private void apply(List<ConsumerRecord<String, byte[]>> records, String tenant, Counts counts) {
        // erasures go last: they delete or make identity-free what records of other topics (read later here) add under
        // the erased id; a record arriving after its erasure ends in the same rows anyway (Facts.forgetIdentity, and
        // no counters, membership or latest assessment for an erased id)
        List<Runnable> erasures = new ArrayList<>();
        Map<String, TopicConsumer> byTopic = new HashMap<>();
        consumers.forEach(consumer -> byTopic.put(consumer.topic(), consumer));
        for (ConsumerRecord<String, byte[]> record : records) {
            counts.read++;
            counts.perTopic.merge(record.topic(), 1L, Long::sum);
            IncomingEvent decoded;
            try {
                decoded = inbox.decode(record);
            } catch (PoisonRecord e) {
                counts.unreadable++;
                continue;
            }
            if (tenant != null && !tenant.equals(decoded.tenant())) {
                counts.otherTenants++;
                continue;
            }
            Optional<IncomingEvent> event = inbox.accept(TopicConsumer.CONSUMER, record);
            if (event.isEmpty()) {
                counts.duplicates++;
            } else if (event.get().payload() instanceof EmployeeErased) {
                TopicConsumer consumer = byTopic.get(record.topic());
                erasures.add(() -> consumer.dispatch(event.get()));
                counts.applied++;
            } else {
                byTopic.get(record.topic()).dispatch(event.get());
                counts.applied++;
            }
        }
        erasures.forEach(Runnable::run);
    }

    private static List<String> copied() {
        List<String> tables = new ArrayList<>(READ_MODELS);
        tables.add("inbox");
        return tables;
    }

    private void execute(String sql, String tenant) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenant != null) {
                ps.setString(1, tenant);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot swap in the rebuilt insights read models", e);
        }
    }

    /** The copies are dropped whether the replay succeeded or not (a failed one leaves the live tables as they were). */
    private void dropQuietly(String schema) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + quote(schema) + " cascade");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not drop the replay's schema %s: %s", schema, e.getMessage());
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "insights-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The end offset of every partition of the four topics now. */
    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            return partitions.isEmpty() ? Map.of() : new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /**
     * The records from {@code from} (a partition not in it: from its beginning) up to {@code to}, topic by topic, each
     * partition in order.
     */
    private List<ConsumerRecord<String, byte[]>> read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = new ArrayList<>();
                to.keySet().stream().filter(p -> p.topic().equals(topic)).forEach(partitions::add);
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                for (TopicPartition p : partitions) {
                    Long start = from.get(p);
                    if (start == null) {
                        consumer.seekToBeginning(List.of(p));
                    } else {
                        consumer.seek(p, start);
                    }
                }
                while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < to.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                            records.add(record);
                        }
                    }
                }
            }
        }
        return records;
    }
}
