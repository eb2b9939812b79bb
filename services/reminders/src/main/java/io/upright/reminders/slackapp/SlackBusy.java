package io.upright.reminders.slackapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a Slack member should not be disturbed now, and until when: their Do Not Disturb hours, notifications they
 * paused, or a huddle they are in. Slack tells us by events ({@code dnd_updated_user}, {@code user_huddle_changed});
 * what we know is asked again ({@code dnd.info}, {@code users.profile.get}) only once it is an hour old, or five
 * minutes for a huddle, which announces no end. So a burst of reminders does not become a burst of calls that
 * Slack's limits (Tier 3: about 50 a minute per workspace) could not take.
 */
@ApplicationScoped
public class SlackBusy {

    static final Duration FRESH = Duration.ofHours(1);
    static final Duration HUDDLE_FRESH = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(SlackBusy.class);

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    SlackWebApi slack;

    /** What is known of a member. */
    record Known(Instant dndStart, Instant dndEnd, Instant snoozeEnd, boolean inHuddle, Instant checkedAt) {

        /** Until when they are busy, if they are at {@code now}. */
        Optional<Instant> busyUntil(Instant now) {
            Instant until = null;
            if (snoozeEnd != null && snoozeEnd.isAfter(now)) {
                until = snoozeEnd;
            }
            if (dndStart != null && dndEnd != null && !now.isBefore(dndStart) && now.isBefore(dndEnd)
                    && (until == null || dndEnd.isAfter(until))) {
                until = dndEnd;
            }
            if (inHuddle) {
                // look again once what we know of the huddle is stale
                Instant again = checkedAt.plus(HUDDLE_FRESH);
                if (again.isAfter(now) && (until == null || again.isAfter(until))) {
                    until = again;
                }
            }
            return Optional.ofNullable(until);
        }

        boolean fresh(Instant now) {
            return checkedAt.plus(inHuddle ? HUDDLE_FRESH : FRESH).isAfter(now);
        }
    }

    /**
     * Until when the member is busy, if they are now. Should Slack not answer in time (its limits, an outage, an
     * installation without {@code dnd:read}), the last answer stands, or none: a missed check must not cost the break.
     *
     * @throws SlackWebApi.SlackCallFailed only when the token itself was refused
     */
    public Optional<Instant> busyUntil(SlackApps.ActiveInstallation installation, String token, String slackUserId, Duration maxWait)
            throws SlackWebApi.SlackCallFailed {
        Instant now = Instant.now(clock);
        Optional<Known> known = read(installation.id(), slackUserId);
        if (known.isPresent() && known.get().fresh(now)) {
            return known.get().busyUntil(now);
        }
        try {
            SlackWebApi.DndStatus dnd = slack.dnd(installation.id(), token, slackUserId, maxWait);
            boolean huddle = slack.inHuddle(installation.id(), token, slackUserId, maxWait);
            Known asked = new Known(dnd.dndStart(), dnd.dndEnd(), dnd.snoozeEnd(), huddle, now);
            write(installation.id(), slackUserId, asked);
            return asked.busyUntil(now);
        } catch (SlackWebApi.SlackCallFailed e) {
            if (e.tokenGone()) {
                throw e;
            }
            LOG.debugf("Slack could not say whether %s is busy (%s)", slackUserId, e.error());
            return known.flatMap(k -> k.busyUntil(now));
        }
    }

    /** {@code dnd_updated_user}: the member's Do Not Disturb changed. */
    public void dndChanged(UUID installationId, String slackUserId, Instant dndStart, Instant dndEnd, Instant snoozeEnd) {
        Instant now = Instant.now(clock);
        boolean huddle = read(installationId, slackUserId).map(Known::inHuddle).orElse(false);
        write(installationId, slackUserId, new Known(dndStart, dndEnd, snoozeEnd, huddle, now));
    }

    /** {@code user_huddle_changed}: the member joined or left a huddle. */
    public void huddleChanged(UUID installationId, String slackUserId, boolean inHuddle) {
        Instant now = Instant.now(clock);
        Known known = read(installationId, slackUserId).orElse(null);
        // without their Do Not Disturb known yet, this row is stale for it: it is asked on the next reminder
        Instant checked = known == null ? Instant.EPOCH : now;
        write(installationId, slackUserId, new Known(known == null ? null : known.dndStart(), known == null ? null : known.dndEnd(),
                known == null ? null : known.snoozeEnd(), inHuddle, inHuddle ? now : checked));
    }

    private Optional<Known> read(UUID installationId, String slackUserId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select dnd_start, dnd_end, snooze_end, in_huddle, checked_at from slack_busy "
                     + "where installation_id = ? and slack_user_id = ?")) {
            ps.setObject(1, installationId);
            ps.setString(2, slackUserId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Known(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether a Slack member is busy", e);
        }
    }

    private void write(UUID installationId, String slackUserId, Known known) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into slack_busy (installation_id, slack_user_id, dnd_start, dnd_end, "
                     + "snooze_end, in_huddle, checked_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (installation_id, slack_user_id) do update set "
                     + "dnd_start = excluded.dnd_start, dnd_end = excluded.dnd_end, snooze_end = excluded.snooze_end, "
                     + "in_huddle = excluded.in_huddle, checked_at = excluded.checked_at")) {
            ps.setObject(1, installationId);
            ps.setString(2, slackUserId);
            ps.setTimestamp(3, timestamp(known.dndStart()));
            ps.setTimestamp(4, timestamp(known.dndEnd()));
            ps.setTimestamp(5, timestamp(known.snoozeEnd()));
            ps.setBoolean(6, known.inHuddle());
            ps.setTimestamp(7, Timestamp.from(known.checkedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep whether a Slack member is busy", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
