package io.upright.reminders.slackapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this app's calls within Slack's per-method, per-workspace limits, across every instance of the service: each
 * call of a tiered method reserves the next free slot of its installation in the database (one atomic upsert), then
 * waits for it. Slack's tiers allow bursts above these rates; spacing evenly stays under them without relying on it.
 * {@code chat.postMessage} is not paced here: its limit is per channel (one a second), and each DM is its own channel.
 */
@ApplicationScoped
public class SlackPacing {

    /** The spacing per method: Tier 2 is 20+ a minute, Tier 3 50+, Tier 4 100+ (Slack's rate-limit tiers). */
    // a little wider than the tier's rate, so a strict count over any minute never sees one call too many
    static final Map<String, Duration> SPACING = Map.of(
            "users.list", Duration.ofMillis(3300),            // Tier 2
            "users.lookupByEmail", Duration.ofMillis(1300),   // Tier 3
            "users.info", Duration.ofMillis(650),             // Tier 4
            "dnd.info", Duration.ofMillis(1300),              // Tier 3
            "users.profile.get", Duration.ofMillis(650),      // Tier 4
            "views.publish", Duration.ofMillis(650),          // Tier 4
            "views.open", Duration.ofMillis(650));            // Tier 4

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    /**
     * Per installation and method, an instant before which the method's next free slot cannot lie: what this instance
     * last read or reserved. Other instances only ever move a slot later, so a call whose reach ends before it is
     * refused without a database round trip (each refused reserve otherwise locks the method's row and commits, and a
     * burst of reminders would queue on that one row).
     */
    private final ConcurrentHashMap<Key, Instant> notBefore = new ConcurrentHashMap<>();

    private record Key(UUID installationId, String method) {
    }

    /**
     * Reserves the method's next slot for the installation, unless that is more than {@code maxWait} away.
     *
     * @return how long to wait before calling, or empty (nothing reserved) when the method is busier than that
     */
    public Optional<Duration> reserve(UUID installationId, String method, Duration maxWait) {
        Duration spacing = SPACING.get(method);
        if (spacing == null) {
            return Optional.of(Duration.ZERO);
        }
        // whole milliseconds: the database keeps microseconds, and a wait of a few nanoseconds is none
        Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Key key = new Key(installationId, method);
        Instant known = notBefore.get(key);
        if (known != null && known.isAfter(now.plus(maxWait))) {
            return Optional.empty();
        }
        // the slot is the later of now and the row's next free instant; the row moves on by one spacing, only if the
        // slot is within reach (otherwise the row is left as it was: nothing reserved)
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into slack_pacing as p (installation_id, method, next_at) values (?, ?, ?) "
                     + "on conflict (installation_id, method) do update set next_at = greatest(p.next_at, ?) + make_interval(secs => ?) "
                     + "where greatest(p.next_at, ?) <= ? returning next_at")) {
            ps.setObject(1, installationId);
            ps.setString(2, method);
            ps.setTimestamp(3, Timestamp.from(now.plus(spacing)));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setDouble(5, spacing.toMillis() / 1000.0);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now.plus(maxWait)));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    learn(key, nextFree(c, installationId, method));
                    return Optional.empty();
                }
                Instant next = rs.getTimestamp(1).toInstant();
                learn(key, next);
                Instant slot = next.minus(spacing);
                Duration wait = Duration.between(now, slot).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot pace a Slack call", e);
        }
    }

    /** Slack answered 429 for this method: no instance calls it before {@code until}. */
    public void hold(UUID installationId, String method, Instant until) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into slack_pacing as p (installation_id, method, next_at) values (?, ?, ?) "
                     + "on conflict (installation_id, method) do update set next_at = greatest(p.next_at, excluded.next_at)")) {
            ps.setObject(1, installationId);
            ps.setString(2, method);
            ps.setTimestamp(3, Timestamp.from(until));
            ps.executeUpdate();
            learn(new Key(installationId, method), until);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hold a Slack method", e);
        }
    }

    private void learn(Key key, Instant next) {
        if (next != null) {
            notBefore.merge(key, next, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
        }
    }

    private static Instant nextFree(Connection c, UUID installationId, String method) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select next_at from slack_pacing where installation_id = ? and method = ?")) {
            ps.setObject(1, installationId);
            ps.setString(2, method);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
