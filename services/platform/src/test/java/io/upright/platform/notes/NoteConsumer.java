package io.upright.platform.notes;

import io.smallrye.common.annotation.Blocking;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A consumer whose effect is one row per applied record, so tests can count effects. */
@ApplicationScoped
public class NoteConsumer {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Incoming("notes-in")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept("platform-test", record).ifPresent(event -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into test_effects (tenant_id, subject) values (?, ?)")) {
                ps.setString(1, event.tenant());
                ps.setString(2, event.subject());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
