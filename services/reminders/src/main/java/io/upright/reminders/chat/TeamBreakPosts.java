package io.upright.reminders.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A team's break is announced once in a shared channel, whichever teammate's reminder gets there first. The claim is
 * a row (so it holds across engine instances); a failed post gives it back.
 */
@ApplicationScoped
public class TeamBreakPosts {

    @Inject
    DataSource dataSource;

    /** @return true for the one caller that should post this team's break to this channel */
    public boolean claim(UUID channelId, UUID teamId, Instant slot) {
        return update("insert into team_break_post (channel_id, team_id, slot) values (?, ?, ?) on conflict do nothing",
                channelId, teamId, slot) == 1;
    }

    public void release(UUID channelId, UUID teamId, Instant slot) {
        update("delete from team_break_post where channel_id = ? and team_id = ? and slot = ?", channelId, teamId, slot);
    }

    private int update(String sql, UUID channelId, UUID teamId, Instant slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, channelId);
            // a team break always has a team; the nil id keeps the key whole if one ever does not
            ps.setObject(2, teamId == null ? new UUID(0, 0) : teamId);
            ps.setTimestamp(3, Timestamp.from(slot));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim a team break announcement", e);
        }
    }
}
