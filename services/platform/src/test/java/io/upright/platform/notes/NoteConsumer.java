package io.upright.platform.notes;

import org.jboss.logging.Logger;
import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.TeamCreated;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import io.upright.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A consumer whose effect is one row per applied record, so tests can count effects. */
@ApplicationScoped
public class NoteConsumer implements TopicConsumer {

    private static final Logger LOG = Logger.getLogger(NoteConsumer.class);

    /**
     * Subjects this consumer has a bug with: applying them throws (a defect, so they are dead-lettered) until a test
     * removes them again, which stands in for deploying the fix.
     */
    public static final Set<String> DEFECTIVE_SUBJECTS = ConcurrentHashMap.newKeySet();

    /**
     * Subjects whose next application fails once with a serialization failure (SQLSTATE 40001), the transient failure
     * PostgreSQL answers a transaction that lost a race; the subject is removed as it fails, so the retry goes through.
     */
    public static final Set<String> SERIALIZATION_FAILURE_ONCE = ConcurrentHashMap.newKeySet();

    /**
     * Subjects whose next application fails once the way a commit does when the database dies under it: an exception
     * with no SQLSTATE in its chain, so nothing tells it from a defect. The subject is removed as it fails.
     */
    public static final Set<String> OUTCOME_LOST_ONCE = ConcurrentHashMap.newKeySet();

    /**
     * Subjects whose application also publishes an event (a TeamCreated keyed by the subject), as a service does that
     * reacts to another's event: the trace the consumed event came with goes on in the one it causes.
     */
    public static final Set<String> PUBLISHES = ConcurrentHashMap.newKeySet();

    @Inject
    Consumption consumption;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Incoming("notes-in")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return "platform-test";
    }

    @Override
    public String topic() {
        return "upright.platform-test";
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (DEFECTIVE_SUBJECTS.contains(event.subject())) {
            throw new IllegalStateException("simulated defect: notes about " + event.subject() + " cannot be applied yet");
        }
        if (OUTCOME_LOST_ONCE.remove(event.subject())) {
            throw new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        }
        if (SERIALIZATION_FAILURE_ONCE.remove(event.subject())) {
            throw new IllegalStateException(new SQLException("could not serialize access due to concurrent update", "40001"));
        }
        LOG.infof("Note event %s applied", event.id());
        if (PUBLISHES.contains(event.subject())) {
            outbox.enqueue(event.tenant(), new TeamCreated(UUID.fromString(event.subject()), "caused by " + event.id(), event.time()));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into test_effects (tenant_id, subject) values (?, ?)")) {
            ps.setString(1, event.tenant());
            ps.setString(2, event.subject());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
