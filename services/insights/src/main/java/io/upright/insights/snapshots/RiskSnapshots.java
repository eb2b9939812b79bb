package io.upright.insights.snapshots;

import io.upright.insights.ReadModelChanged;
import io.upright.insights.settings.TenantSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The published risk and findings of a tenant: the current members' latest assessments as of the last snapshot.
 * A new snapshot is published only when at least {@code k} people's latest results differ from it (a new or
 * repeated assessment, a departure, a move), so no single re-assessment, departure or erasure ever moves a figure
 * on its own. An erasure removes the person's latest assessment (a replay cannot read it any more): one changed
 * person, like a departure.
 */
@ApplicationScoped
public class RiskSnapshots {

    /** One latest assessment a snapshot counts; no employee id is kept. */
    public record Assessed(UUID assessmentId, UUID teamId, String method, Integer score, String riskLevel,
                           List<String> findingCodes) {
    }

    public record Snapshot(long id, Instant publishedAt, int threshold, List<Assessed> rows) {
    }

    private static final String LIVE = """
            select l.assessment_id, m.team_id, l.method, l.score, l.risk_level, l.finding_codes
              from insights_member m
              join insights_latest_assessment l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
             where m.tenant_id = ? and m.left_at is null
            """;

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    DataSource dataSource;

    @Inject
    TenantSettings settings;

    @Inject
    Clock clock;

    /** The snapshot in force, after publishing a new one if enough people's results changed (or none exists yet). */
    @Transactional
    public Snapshot current(String tenant) {
        SnapshotRows.lockTenant(dataSource, tenant);
        Optional<Snapshot> last = latest(tenant);
        List<Assessed> live = SnapshotRows.query(dataSource, LIVE, RiskSnapshots::assessed, tenant);
        int k = settings.policyFor(tenant).threshold();
        if (last.isPresent() && changedPeople(last.get().rows(), live) < k) {
            return last.get();
        }
        if (last.isPresent() && live.isEmpty() && last.get().rows().isEmpty()) {
            return last.get();
        }
        return publish(tenant, live, k);
    }

    /**
     * How many people's latest results differ between two snapshots, counted low: a re-assessment removes one row
     * and adds one, a departure only removes, a newcomer only adds; the larger side is a lower bound of the people.
     */
    static long changedPeople(List<Assessed> before, List<Assessed> after) {
        Set<String> was = new HashSet<>();
        before.forEach(a -> was.add(a.assessmentId() + "/" + a.teamId()));
        Set<String> is = new HashSet<>();
        after.forEach(a -> is.add(a.assessmentId() + "/" + a.teamId()));
        long removed = was.stream().filter(r -> !is.contains(r)).count();
        long added = is.stream().filter(r -> !was.contains(r)).count();
        return Math.max(removed, added);
    }

    private Optional<Snapshot> latest(String tenant) {
        List<long[]> ids = SnapshotRows.query(dataSource, "select snapshot_id, threshold from insights_risk_snapshot "
                + "where tenant_id = ? order by snapshot_id desc limit 1", rs -> new long[]{rs.getLong(1), rs.getInt(2)}, tenant);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0)[0];
        List<Instant> at = SnapshotRows.query(dataSource, "select published_at from insights_risk_snapshot where snapshot_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), id);
        List<Assessed> rows = SnapshotRows.query(dataSource, "select assessment_id, team_id, method, score, risk_level, "
                + "finding_codes from insights_risk_snapshot_row where snapshot_id = ?", RiskSnapshots::assessed, id);
        return Optional.of(new Snapshot(id, at.get(0), (int) ids.get(0)[1], rows));
    }

    private Snapshot publish(String tenant, List<Assessed> rows, int k) {
        readModelChanged.fire(new ReadModelChanged(tenant));
        Instant now = Instant.now(clock);
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into insights_risk_snapshot (tenant_id, published_at, threshold) "
                    + "values (?, ?, ?) returning snapshot_id")) {
                SnapshotRows.bind(ps, tenant, Timestamp.from(now), k);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into insights_risk_snapshot_row (tenant_id, snapshot_id, "
                    + "assessment_id, team_id, method, score, risk_level, finding_codes) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Assessed a : rows) {
                    SnapshotRows.bind(ps, tenant, id, a.assessmentId(), a.teamId(), a.method(), a.score(), a.riskLevel());
                    ps.setArray(8, c.createArrayOf("text", a.findingCodes().toArray()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new Snapshot(id, now, k, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish a risk snapshot", e);
        }
    }

    private static Assessed assessed(ResultSet rs) throws SQLException {
        Array codes = rs.getArray(6);
        List<String> findings = codes == null ? List.of() : List.of((String[]) codes.getArray());
        return new Assessed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                (Integer) rs.getObject(4), rs.getString(5), findings);
    }
}
