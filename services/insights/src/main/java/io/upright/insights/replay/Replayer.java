package io.upright.insights.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upright.contracts.UprightService;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.insights.InsightsConfig;
import io.upright.insights.messaging.TopicConsumer;
import io.upright.platform.inbox.Inbox;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.PoisonRecord;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds every read model from the topics, from the first record on. It all happens in ONE database
 * transaction: the read-model tables and the inbox are locked (EXCLUSIVE: readers keep seeing the old figures,
 * writers wait), the insights rows are deleted, every record up to the end offsets taken at the start is read
 * with a plain consumer of its own (assigned partitions, no group offsets touched) and applied through the
 * inbox and the same {@link TopicConsumer#dispatch} as live consumption, then everything commits at once. Live consumers
 * block on the locks meanwhile and then carry on; the inbox makes them skip whatever the replay already applied.
 */
@ApplicationScoped
public class Replayer {

    /** What a replay did. */
    public record Report(Map<String, Long> recordsPerTopic, long recordsRead, long eventsApplied,
                         long duplicatesSkipped, long unreadableSkipped, Instant startedAt, Instant finishedAt) {
    }

    static final List<String> TOPICS = List.of(UprightService.PROGRAMS.topic(), UprightService.ASSESSMENTS.topic(),
            UprightService.EXERCISES.topic(), UprightService.REMINDERS.topic());

    // inbox first: a live transaction that already holds an inbox row is waited for, never deadlocked with
    private static final String LOCK = "lock table inbox, insights_team, insights_member, insights_employee_activity, "
            + "insights_latest_assessment, insights_program, insights_program_phase, insights_program_team, insights_fact "
            + "in exclusive mode";
    private static final List<String> CLEAR = List.of(
            "delete from inbox where consumer = '" + TopicConsumer.CONSUMER + "'",
            "delete from insights_team", "delete from insights_member", "delete from insights_employee_activity",
            "delete from insights_latest_assessment", "delete from insights_program", "delete from insights_program_phase",
            "delete from insights_program_team", "delete from insights_fact");

    private static final Logger LOG = Logger.getLogger(Replayer.class);

    private final ReentrantLock oneAtATime = new ReentrantLock();

    @Inject
    DataSource dataSource;

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

    /** @return empty when another replay is already running */
    public Optional<Report> replay() {
        if (!oneAtATime.tryLock()) {
            return Optional.empty();
        }
        try {
            Instant started = Instant.now(clock);
            Report report = QuarkusTransaction.requiringNew()
                    .timeout((int) Math.max(1, config.replayTimeout().toSeconds()))
                    .call(() -> rebuild(started));
            LOG.infof("Replayed %d records: %d applied, %d duplicates, %d unreadable", report.recordsRead(),
                    report.eventsApplied(), report.duplicatesSkipped(), report.unreadableSkipped());
            return Optional.of(report);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Report rebuild(Instant started) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(LOCK);
            for (String clear : CLEAR) {
                s.executeUpdate(clear);
            }
        }
        Map<String, Long> perTopic = new LinkedHashMap<>();
        TOPICS.forEach(t -> perTopic.put(t, 0L));
        long read = 0;
        long applied = 0;
        long duplicates = 0;
        long unreadable = 0;
        // erasures go last: they re-key rows that records of other topics (read later here) would otherwise add
        // under the erased id, just as they arrive after those records when consumed live
        List<Runnable> erasures = new ArrayList<>();
        Map<String, TopicConsumer> byTopic = new HashMap<>();
        consumers.forEach(consumer -> byTopic.put(consumer.topic(), consumer));
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            read++;
            perTopic.merge(record.topic(), 1L, Long::sum);
            try {
                inbox.decode(record);
            } catch (PoisonRecord e) {
                unreadable++;
                continue;
            }
            Optional<IncomingEvent> event = inbox.accept(TopicConsumer.CONSUMER, record);
            if (event.isEmpty()) {
                duplicates++;
            } else if (event.get().payload() instanceof EmployeeErased) {
                TopicConsumer consumer = byTopic.get(record.topic());
                erasures.add(() -> consumer.dispatch(event.get()));
                applied++;
            } else {
                byTopic.get(record.topic()).dispatch(event.get());
                applied++;
            }
        }
        erasures.forEach(Runnable::run);
        return new Report(perTopic, read, applied, duplicates, unreadable, started, Instant.now(clock));
    }

    /** Every record now on the topics, topic by topic, each partition in order, up to the end offsets seen first. */
    private List<ConsumerRecord<String, byte[]>> readAll() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "insights-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = new ArrayList<>();
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null) {
                    continue;
                }
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                            records.add(record);
                        }
                    }
                }
            }
        }
        return records;
    }
}
