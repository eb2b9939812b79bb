package io.upright.insights.outcomes;

import io.upright.insights.outcomes.PairedChange.Minutes;
import io.upright.insights.outcomes.PairedChange.Pair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The paired sitting outcome of a group of people (e.g. a team's members) from {@code insights_sitting_report}.
 * Each person's pair is their baseline and their <em>latest</em> period after it ({@code end} above any check-in, a
 * higher check-in above a lower one). The latest period is taken even when its week had no work (then the person does
 * not contribute): falling back to an earlier period would let each person's "now" be a different point in the
 * program.
 *
 * <p>No privacy gate yet, and nothing of this reaches HR: the next step applies the anonymity rules on top, which is
 * why {@link #of(String, Collection, Predicate)} takes the periods that may count (closed periods only) and the
 * answer carries the counts those rules need (people reported, paired, contributing).
 */
@ApplicationScoped
public class SittingOutcomes {

    /** {@code reported}: people with any counted report; {@code paired}: with baseline and a later period; {@code change.n()}: contributing. */
    public record Outcome(int reported, int paired, PairedChange.Result change) {

        public int contributors() {
            return change.n();
        }
    }

    /** One person's pair, for the tests and the next step's rules (never for an HR answer). */
    public record PersonPair(UUID employeeId, String laterPeriod, Pair pair) {
    }

    private static final String REPORTS = """
            select employee_id, period, sitting_minutes, standing_minutes, walking_minutes, days_worked
              from insights_sitting_report where tenant_id = ? and employee_id = any (?)
            """;

    private static final String TEAM_MEMBERS = """
            select employee_id from insights_member where tenant_id = ? and team_id = ? and left_at is null
            """;

    @Inject
    DataSource dataSource;

    public Outcome of(String tenant, Collection<UUID> employees) {
        return of(tenant, employees, period -> true);
    }

    /** @param counted the periods that may count (e.g. closed ones); a person's latest counted period is their "now" */
    public Outcome of(String tenant, Collection<UUID> employees, Predicate<SittingPeriod> counted) {
        Map<UUID, Map<SittingPeriod, Minutes>> reports = reports(tenant, employees, counted);
        List<PersonPair> pairs = pairs(reports);
        List<Pair> plain = new ArrayList<>();
        pairs.forEach(p -> plain.add(p.pair()));
        return new Outcome(reports.size(), pairs.size(), PairedChange.of(plain));
    }

    /** The current members of a team as insights knows them (its own membership, not the events' team ids). */
    public Outcome ofTeam(String tenant, UUID teamId) {
        return of(tenant, members(tenant, teamId));
    }

    /** Each person's baseline and latest later report, ordered by employee id. */
    public List<PersonPair> pairs(String tenant, Collection<UUID> employees) {
        return pairs(reports(tenant, employees, period -> true));
    }

    private static List<PersonPair> pairs(Map<UUID, Map<SittingPeriod, Minutes>> reports) {
        List<PersonPair> pairs = new ArrayList<>();
        reports.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(person -> {
            Minutes baseline = null;
            SittingPeriod latest = null;
            for (SittingPeriod period : person.getValue().keySet()) {
                if (period.baseline()) {
                    baseline = person.getValue().get(period);
                } else if (latest == null || period.compareTo(latest) > 0) {
                    latest = period;
                }
            }
            if (baseline != null && latest != null) {
                pairs.add(new PersonPair(person.getKey(), latest.name(), new Pair(baseline, person.getValue().get(latest))));
            }
        });
        return pairs;
    }

    private Map<UUID, Map<SittingPeriod, Minutes>> reports(String tenant, Collection<UUID> employees,
                                                          Predicate<SittingPeriod> counted) {
        Map<UUID, Map<SittingPeriod, Minutes>> reports = new HashMap<>();
        if (employees.isEmpty()) {
            return reports;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REPORTS)) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("uuid", employees.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SittingPeriod period = SittingPeriod.parse(rs.getString("period")).orElse(null);
                    if (period == null || !counted.test(period)) {
                        continue;
                    }
                    reports.computeIfAbsent(rs.getObject("employee_id", UUID.class), id -> new HashMap<>())
                            .put(period, new Minutes(rs.getInt("sitting_minutes"), rs.getInt("standing_minutes"),
                                    rs.getInt("walking_minutes"), rs.getInt("days_worked")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sitting reports", e);
        }
        return reports;
    }

    private List<UUID> members(String tenant, UUID teamId) {
        List<UUID> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TEAM_MEMBERS)) {
            ps.setString(1, tenant);
            ps.setObject(2, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the team's members", e);
        }
        return members;
    }
}
