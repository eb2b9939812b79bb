package io.upright.platform.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last redrive of each dead letter (table {@code dead_letter_redrives}). It is written after the redrive's own
 * transaction: if that write is lost, the next redrive finds the record in the inbox and reports it already applied.
 */
@ApplicationScoped
public class RedriveLedger {

    /** What the last redrive of one dead letter did. */
    public record Entry(int partition, long offset, RedriveOutcome.Kind outcome, String reason, Instant redrivenAt,
                        int attempts) {
        public boolean resolved() {
            return outcome != RedriveOutcome.Kind.FAILED_AGAIN;
        }
    }

    private static final int MAX_REASON = 2000;

    @Inject
    DataSource dataSource;

    public Optional<Entry> find(String topic, int partition, long offset) {
        Map<Long, Entry> found = entries(topic, partition, offset, offset + 1);
        return Optional.ofNullable(found.get(offset));
    }

    /** The entries of {@code partition} with offsets in [{@code from}, {@code to}), by offset. */
    public Map<Long, Entry> entries(String topic, int partition, long from, long to) {
        Map<Long, Entry> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select dlq_offset, outcome, reason, redriven_at, attempts "
                     + "from dead_letter_redrives where dlq_topic = ? and dlq_partition = ? and dlq_offset >= ? and dlq_offset < ?")) {
            ps.setString(1, topic);
            ps.setInt(2, partition);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long offset = rs.getLong(1);
                    found.put(offset, new Entry(partition, offset, RedriveOutcome.Kind.of(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the dead-letter redrives", e);
        }
        return found;
    }

    /** How many records of each partition's range were redriven for good (applied or found already applied). */
    public long resolved(String topic, Map<Integer, DeadLetterQueue.Range> ranges) {
        long resolved = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from dead_letter_redrives where dlq_topic = ? "
                     + "and dlq_partition = ? and dlq_offset >= ? and dlq_offset < ? and outcome <> 'failed-again'")) {
            for (Map.Entry<Integer, DeadLetterQueue.Range> range : ranges.entrySet()) {
                ps.setString(1, topic);
                ps.setInt(2, range.getKey());
                ps.setLong(3, range.getValue().from());
                ps.setLong(4, range.getValue().to());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    resolved += rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the dead-letter redrives", e);
        }
        return resolved;
    }

    /** Records the outcome of one redrive, in a transaction of its own; returns the entry as stored. */
    public Entry record(String topic, int partition, long offset, RedriveOutcome.Kind outcome, String reason, Instant at) {
        String kept = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into dead_letter_redrives "
                         + "(dlq_topic, dlq_partition, dlq_offset, outcome, reason, redriven_at) values (?, ?, ?, ?, ?, ?) "
                         + "on conflict (dlq_topic, dlq_partition, dlq_offset) do update set outcome = excluded.outcome, "
                         + "reason = excluded.reason, redriven_at = excluded.redriven_at, "
                         + "attempts = dead_letter_redrives.attempts + 1 returning attempts")) {
                ps.setString(1, topic);
                ps.setInt(2, partition);
                ps.setLong(3, offset);
                ps.setString(4, outcome.value());
                ps.setString(5, kept);
                ps.setTimestamp(6, Timestamp.from(at));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Entry(partition, offset, outcome, kept, at, rs.getInt(1));
                }
            }
        });
    }
}
