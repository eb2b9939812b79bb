package io.upright.platform.inbox;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upright.platform.tracing.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How every consumer applies records. Live consumption takes a whole poll at once ({@link #consumeBatch}): the inbox
 * accepts every record in one statement and the consumer dispatches the new ones in record order, all in one new
 * transaction, so a poll of hundreds of records costs one durable commit instead of one each. A redrive and the
 * insights replay apply one record ({@link #consume}): the same inbox and dispatch, in a transaction of its own.
 * <ul>
 *   <li>A <b>transient</b> failure ({@link FailureClass#TRANSIENT}: the database away, a timeout, a serialization
 *   failure or deadlock) rolls back and is retried in place with {@link Backoff#CONSUMERS}, for as long as it takes:
 *   the whole batch, or the one record. The channel's worker stays on it, so the records behind it wait in order:
 *   the connector pauses the partitions once its small buffer is full, and nothing is skipped or dead-lettered for
 *   this reason.</li>
 *   <li>A <b>poison</b> record or a <b>defect</b> rolls the batch back; its records are then applied one by one, each
 *   in its own transaction (a defect is tried twice there, as it may be a commit lost with the database), and only
 *   those that fail again are written to the service's dead-letter topic
 *   ({@link DeadLetterPublisher}, the headers the connector's {@code dead-letter-queue} strategy writes) before the
 *   batch returns, i.e. before its offsets are committed. A single record that fails is thrown to the caller.</li>
 * </ul>
 * Channels set {@code throttled.unprocessed-record-max-age.ms=0}: a record held by a long outage must not have the
 * connector declare the channel dead (its default after 60 s); the retry log and {@link #retrying()} tell instead.
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    @Inject
    Inbox inbox;

    @Inject
    EventTraces traces;

    @Inject
    InboxConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    DeadLetterPublisher deadLetters;

    /** Present in services with JPA entities: flushed and cleared between the records of a batch. */
    @Inject
    InjectableInstance<EntityManager> entityManagers;

    private final AtomicLong retrying = new AtomicLong();
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    public void consume(TopicConsumer consumer, ConsumerRecord<String, byte[]> record) {
        int attempt = 0;
        boolean secondChance = false;
        while (true) {
            try {
                applyOnce(consumer, record);
                pruneWhenDue();
                if (attempt > 0) {
                    retrying.decrementAndGet();
                    LOG.infof("%s applied %s/%d@%d after %d retries", consumer.consumer(), record.topic(), record.partition(),
                            record.offset(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                FailureClass failure = FailureClass.of(e);
                if (failure == FailureClass.POISON || (failure == FailureClass.DEFECT && secondChance)) {
                    if (attempt > 0) {
                        retrying.decrementAndGet();
                    }
                    throw e;
                }
                // A defect gets one more try: a commit whose outcome was lost with the database (kill -9) surfaces from
                // the transaction manager without an SQLSTATE, like a bug. Tried again, the database being away is
                // transient, or the record applies (the inbox keeps it once if the commit did happen); a bug fails again.
                secondChance |= failure == FailureClass.DEFECT;
                attempt++;
                if (attempt == 1) {
                    retrying.incrementAndGet();
                }
                Duration wait = Backoff.CONSUMERS.delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
                LOG.warnf("%s: %s failure on %s/%d@%d (retry %d in %d ms): %s", consumer.consumer(),
                        failure == FailureClass.DEFECT ? "unexplained" : "transient", record.topic(),
                        record.partition(), record.offset(), attempt, wait.toMillis(), rootMessage(e));
                sleep(wait);
            }
        }
    }

    /**
     * Applies the records of one poll (live consumption): all in one transaction when they all go through, else one by
     * one, dead-lettering only those that fail. Returns when every record is applied or safely dead-lettered.
     *
     * @throws DeadLetterPublisher.NotPublished when a dead letter could not be written: the connector's failure
     *                                          strategy takes the batch then
     */
    public void consumeBatch(TopicConsumer consumer, Iterable<ConsumerRecord<String, byte[]>> polled) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        polled.forEach(records::add);
        if (records.isEmpty()) {
            return;
        }
        if (records.size() == 1) {
            consumeOrDeadLetter(consumer, records.get(0));
            return;
        }
        int attempt = 0;
        while (true) {
            try {
                applyBatchOnce(consumer, records);
                pruneWhenDue();
                if (attempt > 0) {
                    retrying.decrementAndGet();
                    LOG.infof("%s applied %d records from %s after %d retries", consumer.consumer(), records.size(),
                            span(records), attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (FailureClass.of(e) != FailureClass.TRANSIENT) {
                    if (attempt > 0) {
                        retrying.decrementAndGet();
                    }
                    LOG.infof("%s: the batch of %d records from %s failed (%s); applying them one by one",
                            consumer.consumer(), records.size(), span(records), rootMessage(e));
                    records.forEach(record -> consumeOrDeadLetter(consumer, record));
                    return;
                }
                attempt++;
                if (attempt == 1) {
                    retrying.incrementAndGet();
                }
                Duration wait = Backoff.CONSUMERS.delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
                LOG.warnf("%s: transient failure on the batch of %d records from %s (retry %d in %d ms): %s",
                        consumer.consumer(), records.size(), span(records), attempt, wait.toMillis(), rootMessage(e));
                sleep(wait);
            }
        }
    }

    /** The single-record path; a record that fails for good goes to the dead-letter topic. */
    private void consumeOrDeadLetter(TopicConsumer consumer, ConsumerRecord<String, byte[]> record) {
        try {
            consume(consumer, record);
        } catch (RuntimeException e) {
            deadLetters.publish(consumer, record, e);
        }
    }

    private void applyBatchOnce(TopicConsumer consumer, List<ConsumerRecord<String, byte[]>> records) {
        Runnable work = () -> {
            List<IncomingEvent> decoded = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                decoded.add(inbox.decode(record));
            }
            EntityManager em = entityManager();
            for (IncomingEvent event : inbox.acceptAll(consumer.consumer(), decoded)) {
                traces.consuming(consumer.consumer(), consumer.topic(), traced(event), () -> consumer.dispatch(event));
                if (em != null) {
                    // as if each record had its own transaction: its ORM writes reach the database before the next
                    // record reads over JDBC, and the next one loads entities afresh
                    em.flush();
                    em.clear();
                }
            }
        };
        if (consumer.transactionTimeoutSeconds() > 0) {
            QuarkusTransaction.requiringNew().timeout(consumer.transactionTimeoutSeconds()).run(work);
        } else {
            QuarkusTransaction.requiringNew().run(work);
        }
    }

    private static EventTraces.Consumed traced(IncomingEvent event) {
        return new EventTraces.Consumed(event.id(), event.type(), event.source(), event.traceparent());
    }

    private EntityManager entityManager() {
        List<EntityManager> active = entityManagers.listActive();
        return active.isEmpty() ? null : active.get(0);
    }

    private static String span(List<ConsumerRecord<String, byte[]>> records) {
        ConsumerRecord<String, byte[]> first = records.get(0);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        return first.topic() + "/" + first.partition() + "@" + first.offset() + ".." + last.partition() + "@" + last.offset();
    }

    /** How many records or batches are being retried right now (0 when every consumer is flowing). */
    public long retrying() {
        return retrying.get();
    }

    /**
     * Deletes inbox rows past the retention, at most once per {@code pruneEvery}, on a consumer thread after a record
     * went through (a consumer with nothing to consume has nothing new to prune). A failure only delays it.
     */
    void pruneWhenDue() {
        Instant now = Instant.now(clock);
        Instant last = lastPrune.get();
        if (last.plus(config.pruneEvery()).isAfter(now) || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        try {
            int deleted = prune(now.minus(config.retention()));
            if (deleted > 0) {
                LOG.infof("Pruned %d inbox rows received before %s", deleted, now.minus(config.retention()));
            }
        } catch (SQLException e) {
            LOG.warnf("Inbox pruning failed, next try in %s: %s", config.pruneEvery(), e.toString());
        }
    }

    /** Deletes every inbox row received before {@code before}; returns how many. */
    public int prune(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from inbox where received_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    private void applyOnce(TopicConsumer consumer, ConsumerRecord<String, byte[]> record) {
        Runnable work = () -> inbox.accept(consumer.consumer(), record)
                .ifPresent(event -> traces.consuming(consumer.consumer(), consumer.topic(), traced(event), () -> consumer.dispatch(event)));
        if (consumer.transactionTimeoutSeconds() > 0) {
            QuarkusTransaction.requiringNew().timeout(consumer.transactionTimeoutSeconds()).run(work);
        } else {
            QuarkusTransaction.requiringNew().run(work);
        }
    }

    /**
     * An interrupt does not end the retries: throwing would hand the record to the dead-letter strategy. Whether the
     * process is stopping (the record stays uncommitted and comes again on the next start, where the inbox makes it
     * count once) or not, waiting on is the safe way; the interrupt is only cut short.
     */
    static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            LOG.debug("Interrupted while waiting to retry; retrying now");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
