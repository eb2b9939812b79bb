package io.upright.reminders.slackapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where each reminder's direct message went: whose it is in Slack, and which message an answer updates. */
@ApplicationScoped
public class SlackMessages {

    @Inject
    DataSource dataSource;

    /** A reminder's direct message (a snoozed one's second message replaces the first). */
    public record SentMessage(UUID reminderId, String tenant, UUID employeeId, UUID installationId, String slackUserId,
                              String channel, String ts) {
    }

    /**
     * Kept without waiting for the commit to reach the disk: one per direct message, a burst would otherwise wait on a
     * flush for each. The reminder's own state is settled durably by the engine. Should a database crash lose the row, an
     * answer to that message still works: its owner is checked against the person's known Slack user, and the message is
     * redrawn through the press's own {@code response_url}, as for a message the app did not send.
     */
    public void record(SentMessage message, Instant postedAt) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (var relaxed = c.createStatement()) {
                    relaxed.execute("set local synchronous_commit = off");
                }
                insert(c, message, postedAt);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a Slack message", e);
        }
    }

    private static void insert(Connection c, SentMessage message, Instant postedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into slack_message (reminder_id, tenant_id, employee_id, "
                     + "installation_id, slack_user_id, channel, ts, posted_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                     + "on conflict (reminder_id) do update set installation_id = excluded.installation_id, "
                     + "slack_user_id = excluded.slack_user_id, channel = excluded.channel, ts = excluded.ts, posted_at = excluded.posted_at")) {
            ps.setObject(1, message.reminderId());
            ps.setString(2, message.tenant());
            ps.setObject(3, message.employeeId());
            ps.setObject(4, message.installationId());
            ps.setString(5, message.slackUserId());
            ps.setString(6, message.channel());
            ps.setString(7, message.ts());
            ps.setTimestamp(8, Timestamp.from(postedAt));
            ps.executeUpdate();
        }
    }

    public Optional<SentMessage> of(UUID reminderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, employee_id, installation_id, slack_user_id, channel, ts "
                     + "from slack_message where reminder_id = ?")) {
            ps.setObject(1, reminderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SentMessage(reminderId, rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a Slack message", e);
        }
    }
}
