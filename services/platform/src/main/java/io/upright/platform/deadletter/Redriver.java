package io.upright.platform.deadletter;

import io.upright.platform.coordination.OneAtATime;
import io.upright.platform.api.Page;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.TopicConsumer;
import io.upright.contracts.CloudEventHeaders;
import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lists this service's dead letters and redrives them. A redrive rebuilds the record as it was consumed (original
 * topic, partition, offset, key, body and headers, without the {@code dead-letter-*} ones) and hands it to the
 * {@link TopicConsumer} of that topic through {@link Consumption#consume}: the inbox path of live consumption, so a
 * record already applied is skipped. The ledger remembers each outcome; a record it knows as applied is not handed
 * on again, even once its inbox row has been pruned. A record that fails again is only reported: it is already on the
 * dead-letter topic and stays listed there.
 */
@ApplicationScoped
public class Redriver {

    private static final Logger LOG = Logger.getLogger(Redriver.class);

    /** A dead letter that cannot be handed to any consumer of this service. */
    static final class NotRedrivable extends Exception {
        NotRedrivable(String message) {
            super(message);
        }
    }

    @Inject
    DeadLetterQueue queue;

    @Inject
    RedriveLedger ledger;

    @Inject
    Consumption consumption;

    @Inject
    @Any
    Instance<TopicConsumer> consumers;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** One redrive at a time across every instance: two redrives of the same record would both find it new in the ledger. */
    static final String LOCK = "dead-letter-redrive";

    @Inject
    OneAtATime oneAtATime;

    public DeadLetterCount count() {
        Optional<String> topic = queue.topic();
        if (topic.isEmpty()) {
            return new DeadLetterCount(null, 0, 0);
        }
        Map<Integer, DeadLetterQueue.Range> ranges = queue.ranges();
        long total = ranges.values().stream().mapToLong(DeadLetterQueue.Range::size).sum();
        return new DeadLetterCount(topic.get(), total, Math.max(0, total - ledger.resolved(topic.get(), ranges)));
    }

    /** One page of the dead letters, by partition then offset. */
    public Page<DeadLetterView> list(int page, int size) {
        DeadLetterQueue.Slice slice = queue.read((long) page * size, size);
        if (queue.topic().isEmpty() || slice.records().isEmpty()) {
            return new Page<>(List.of(), page, size, slice.total());
        }
        String topic = queue.topic().get();
        // the ledger's entries of each partition's stretch of this page, in one query per partition
        Map<Integer, long[]> stretches = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : slice.records()) {
            stretches.merge(record.partition(), new long[]{record.offset(), record.offset()},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<Integer, Map<Long, RedriveLedger.Entry>> entries = new TreeMap<>();
        stretches.forEach((partition, stretch) -> entries.put(partition,
                ledger.entries(topic, partition, stretch[0], stretch[1] + 1)));
        List<DeadLetterView> items = slice.records().stream()
                .map(r -> DeadLetterView.of(r, entries.get(r.partition()).get(r.offset())))
                .toList();
        return new Page<>(items, page, size, slice.total());
    }

    /**
     * Redrives one dead letter, whatever its state: one applied before is reported already applied.
     *
     * @throws ProblemException 404 when the topic holds no such record, 409 when no consumer of this service reads its
     *                          original topic or a redrive is running
     */
    public RedriveOutcome redrive(int partition, long offset) {
        String topic = queue.topic().orElseThrow(() -> ProblemException.notFound("A dead letter at " + partition + "/" + offset));
        try (OneAtATime.Held held = oneAtATime.tryAcquire(LOCK).orElseThrow(Redriver::running)) {
            ConsumerRecord<String, byte[]> dead = queue.find(partition, offset)
                    .orElseThrow(() -> ProblemException.notFound("A dead letter at " + partition + "/" + offset));
            try {
                return redriveOne(topic, dead, original(dead), ledger.find(topic, partition, offset));
            } catch (NotRedrivable e) {
                throw ProblemException.conflict(e.getMessage());
            }
        }
    }

    private static ProblemException running() {
        return ProblemException.conflict("A redrive is already running (on this or another instance); try again when it has finished");
    }

    /** Redrives every pending dead letter (never redriven, or failed again), in partition and offset order. */
    public RedriveReport redriveAll() {
        try (OneAtATime.Held held = oneAtATime.tryAcquire(LOCK).orElseThrow(Redriver::running)) {
            List<RedriveOutcome> outcomes = new ArrayList<>();
            Optional<String> topic = queue.topic();
            if (topic.isEmpty()) {
                return RedriveReport.of(outcomes);
            }
            queue.forEach(dead -> {
                Optional<RedriveLedger.Entry> last = ledger.find(topic.get(), dead.partition(), dead.offset());
                if (last.isPresent() && last.get().resolved()) {
                    return true;
                }
                try {
                    outcomes.add(redriveOne(topic.get(), dead, original(dead), last));
                } catch (NotRedrivable e) {
                    // reported and kept pending, as a record that fails again: the rest of the topic still goes
                    RedriveLedger.Entry entry = ledger.record(topic.get(), dead.partition(), dead.offset(),
                            RedriveOutcome.Kind.FAILED_AGAIN, e.getMessage(), Instant.now(clock));
                    outcomes.add(outcome(dead, entry));
                }
                return true;
            });
            RedriveReport report = RedriveReport.of(outcomes);
            LOG.infof("Redrove %d dead letters of %s: %d applied, %d already applied, %d failed again", report.redriven(),
                    topic.get(), report.applied(), report.alreadyApplied(), report.failedAgain());
            return report;
        }
    }

    private RedriveOutcome redriveOne(String topic, ConsumerRecord<String, byte[]> dead,
                                      ConsumerRecord<String, byte[]> original, Optional<RedriveLedger.Entry> last)
            throws NotRedrivable {
        TopicConsumer consumer = consumerOf(original.topic());
        RedriveOutcome.Kind kind;
        String reason = null;
        if (last.isPresent() && last.get().resolved()) {
            // applied before: never handed on again, so a redrive stays a no-op after the inbox row was pruned
            kind = RedriveOutcome.Kind.ALREADY_APPLIED;
        } else {
            boolean seen = inboxHas(consumer.consumer(), original);
            try {
                consumption.consume(consumer, original);
                kind = seen ? RedriveOutcome.Kind.ALREADY_APPLIED : RedriveOutcome.Kind.APPLIED;
            } catch (RuntimeException e) {
                kind = RedriveOutcome.Kind.FAILED_AGAIN;
                reason = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warnf("Dead letter %s/%d@%d failed again: %s", topic, dead.partition(), dead.offset(), e.toString());
            }
        }
        RedriveLedger.Entry entry = ledger.record(topic, dead.partition(), dead.offset(), kind, reason, Instant.now(clock));
        return outcome(dead, entry);
    }

    private static RedriveOutcome outcome(ConsumerRecord<String, byte[]> dead, RedriveLedger.Entry entry) {
        return new RedriveOutcome(dead.partition(), dead.offset(), DeadLetterView.header(dead, DeadLetterView.TOPIC),
                DeadLetterView.header(dead, CloudEventHeaders.ID), entry.outcome(), entry.reason(), entry.redrivenAt(),
                entry.attempts());
    }

    /** The record as the consumer first saw it, from the dead letter's copy and its {@code dead-letter-*} headers. */
    static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> dead) throws NotRedrivable {
        String topic = DeadLetterView.header(dead, DeadLetterView.TOPIC);
        Integer partition = DeadLetterView.integer(DeadLetterView.header(dead, DeadLetterView.PARTITION));
        Long offset = DeadLetterView.longValue(DeadLetterView.header(dead, DeadLetterView.OFFSET));
        if (topic == null || topic.isBlank() || partition == null || offset == null) {
            throw new NotRedrivable("The dead letter at " + dead.partition() + "/" + dead.offset()
                    + " does not name the topic, partition and offset it came from");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterView.PREFIX)) {
                headers.add(header);
            }
        }
        return new ConsumerRecord<>(topic, partition, offset, dead.timestamp(), dead.timestampType(),
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, dead.key(), dead.value(), headers, Optional.empty());
    }

    private TopicConsumer consumerOf(String topic) throws NotRedrivable {
        List<TopicConsumer> matching = new ArrayList<>();
        for (TopicConsumer consumer : consumers) {
            if (topic.equals(consumer.topic())) {
                matching.add(consumer);
            }
        }
        if (matching.size() != 1) {
            throw new NotRedrivable(matching.isEmpty()
                    ? "No consumer of this service reads " + topic
                    : "Several consumers of this service read " + topic + "; a redrive cannot choose");
        }
        return matching.get(0);
    }

    /** Whether the inbox already holds the record, i.e. whether handing it on will be a no-op. */
    private boolean inboxHas(String consumer, ConsumerRecord<String, byte[]> record) {
        String source = DeadLetterView.header(record, CloudEventHeaders.SOURCE);
        String id = DeadLetterView.header(record, CloudEventHeaders.ID);
        if (source == null || id == null) {
            return false; // unreadable: the inbox will refuse it as poison
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from inbox where consumer = ? and source = ? and event_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, source);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the inbox", e);
        }
    }
}
