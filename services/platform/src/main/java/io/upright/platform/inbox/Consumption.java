package io.upright.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How every consumer applies a record: the inbox accepts it and the consumer dispatches it in one new transaction.
 * <ul>
 *   <li>A <b>transient</b> failure ({@link FailureClass#TRANSIENT}: the database away, a timeout, a serialization
 *   failure or deadlock) rolls back and is retried in place with {@link Backoff#CONSUMERS}, for as long as it takes.
 *   The channel's worker stays on this record, so the records behind it wait in order: the connector pauses the
 *   partitions once its small buffer is full, and nothing is skipped or dead-lettered for this reason.</li>
 *   <li>A <b>poison</b> record or a <b>defect</b> is thrown to the connector, whose {@code dead-letter-queue} failure
 *   strategy publishes it to the service's DLQ topic with the reason in its {@code dead-letter-*} headers, and the
 *   consumer goes on with the next record.</li>
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
    InboxConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private final AtomicLong retrying = new AtomicLong();
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    public void consume(TopicConsumer consumer, ConsumerRecord<String, byte[]> record) {
        int attempt = 0;
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
                if (FailureClass.of(e) != FailureClass.TRANSIENT) {
                    if (attempt > 0) {
                        retrying.decrementAndGet();
                    }
                    throw e;
                }
                attempt++;
                if (attempt == 1) {
                    retrying.incrementAndGet();
                }
                Duration wait = Backoff.CONSUMERS.delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
                LOG.warnf("%s: transient failure on %s/%d@%d (retry %d in %d ms): %s", consumer.consumer(), record.topic(),
                        record.partition(), record.offset(), attempt, wait.toMillis(), rootMessage(e));
                sleep(wait);
            }
        }
    }

    /** How many records are being retried right now (0 when every consumer is flowing). */
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
        Runnable work = () -> inbox.accept(consumer.consumer(), record).ifPresent(consumer::dispatch);
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
    private static void sleep(Duration wait) {
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
