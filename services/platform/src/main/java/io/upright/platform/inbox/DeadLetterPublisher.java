package io.upright.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.upright.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a record a batch consumer could not apply to the service's dead-letter topic, exactly as the connector's
 * {@code dead-letter-queue} failure strategy does (same topic, key, body, original headers and {@code dead-letter-*}
 * headers), so the operator's list, count and redrive read it like any other dead letter. A batch cannot hand one of
 * its records to that strategy: it would dead-letter the whole batch.
 *
 * <p>{@link #publish} returns once the broker acknowledged the record (acks=all, idempotent), so the consumer only
 * returns, and the batch's offsets are only committed, after the dead letter is safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** Every header the dead-letter strategy adds starts with this. */
    public static final String PREFIX = "dead-letter-";

    private static final Pattern CHANNEL_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** A dead letter the broker did not take; the batch must not be committed. */
    public static class NotPublished extends RuntimeException {
        NotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Config config;

    private final Map<String, String> topics = new ConcurrentHashMap<>();
    private Producer<String, byte[]> producer;

    /**
     * Publishes {@code record}, which {@code consumer} failed to apply for {@code reason}, and waits for the broker. A
     * broker that is away (a retriable error, or the producer's delivery timeout) is waited for with
     * {@link Backoff#CONSUMERS}, as a transient database failure is: throwing would hand the whole batch to the
     * connector's dead-letter strategy, records that went through included.
     *
     * @throws NotPublished when the broker refuses the record for good (e.g. too large)
     */
    public void publish(TopicConsumer consumer, ConsumerRecord<String, byte[]> record, Throwable reason) {
        String topic = topics.computeIfAbsent(consumer.topic(), this::resolve);
        ProducerRecord<String, byte[]> dead = deadLetter(topic, record, reason);
        int attempt = 0;
        while (true) {
            try {
                acknowledged(producer().send(dead));
                break;
            } catch (ExecutionException e) {
                if (!retriable(e.getCause())) {
                    throw new NotPublished("Cannot dead-letter " + where(record) + " to " + topic, e.getCause());
                }
                attempt++;
                Duration wait = Backoff.CONSUMERS.delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
                LOG.warnf("%s: cannot dead-letter %s to %s yet (retry %d in %d ms): %s", consumer.consumer(), where(record),
                        topic, attempt, wait.toMillis(), message(e.getCause()));
                // an interrupt does not give up: the batch's offsets must not be committed before its dead letters are safe
                Consumption.sleep(wait);
            }
        }
        LOG.warnf("%s dead-lettered %s to %s: %s", consumer.consumer(), where(record), topic, message(reason));
    }

    /** Waits for the broker; an interrupt does not give up on a record already sent (sending again would duplicate it). */
    private static void acknowledged(Future<RecordMetadata> sent) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    sent.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the broker may take the record later: it is away, has no leader yet, or timed out (a retriable error too). */
    static boolean retriable(Throwable failure) {
        return failure instanceof RetriableException;
    }

    /** The dead letter of {@code record}: its key, body and headers behind the {@code dead-letter-*} ones. */
    static ProducerRecord<String, byte[]> deadLetter(String topic, ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, null, record.key(), record.value());
        add(dead, EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(dead, REASON, message(reason));
        if (reason.getCause() != null) {
            add(dead, CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(dead, CAUSE, message(reason.getCause()));
        }
        add(dead, TOPIC, record.topic());
        add(dead, PARTITION, Integer.toString(record.partition()));
        add(dead, OFFSET, Long.toString(record.offset()));
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        return dead;
    }

    /**
     * The dead-letter topic of the incoming channel that reads {@code topic}: its {@code dead-letter-queue.topic}, else
     * the connector's default {@code dead-letter-topic-<channel>}.
     *
     * @param properties configuration property names with their values (only the incoming channels' matter)
     */
    static Optional<String> resolve(String topic, Map<String, String> properties) {
        for (String name : properties.keySet()) {
            Matcher m = CHANNEL_CONNECTOR.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            String read = properties.getOrDefault(prefix + "topic", channel);
            if (topic.equals(read.strip())) {
                String dlq = properties.get(prefix + "dead-letter-queue.topic");
                return Optional.of(dlq == null || dlq.isBlank() ? "dead-letter-topic-" + channel : dlq.strip());
            }
        }
        return Optional.empty();
    }

    private String resolve(String topic) {
        Map<String, String> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return resolve(topic, properties).orElseThrow(() -> new IllegalStateException(
                "No incoming channel reads " + topic + ", so it has no dead-letter topic"));
    }

    /** Made on the first dead letter: most processes never need it. */
    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(OutboxRelay.producerConfig(kafkaConfig, "upright-dead-letters"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** As the connector writes it: the message, or the exception itself when it has none. */
    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
