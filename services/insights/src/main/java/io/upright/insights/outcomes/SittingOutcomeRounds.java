package io.upright.insights.outcomes;

import io.upright.insights.InsightsConfig;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.outcomes.OutcomeDisclosure.Figure;
import io.upright.insights.outcomes.OutcomeDisclosure.Published;
import io.upright.insights.outcomes.PairedChange.Minutes;
import io.upright.insights.outcomes.PairedChange.Pair;
import io.upright.insights.outcomes.SittingRounds.Round;
import io.upright.insights.settings.TenantSettings;
import io.upright.insights.snapshots.SnapshotRows;
import io.upright.insights.snapshots.WeekSnapshots;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes each program's sitting outcome per round (check-in or end, {@link SittingRounds}) once its window has
 * passed, under {@link OutcomeDisclosure}, and reads the published rounds back. A round is computed once, from the
 * reports that arrived by its close, and stored; it never changes, so no later answer, correction or erasure can be
 * read off the difference between two readings of the same figure.
 *
 * <p>Each contributor is a current member of one of the program's teams at the close who answered the baseline and
 * this round's period, both for a week with work; their own change (this period minus their baseline) is what is
 * averaged ({@link PairedChange}).
 */
@ApplicationScoped
public class SittingOutcomeRounds {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SittingOutcomeRounds.class);

    /** One published figure: numbers only when shown. */
    public record StoredFigure(UUID programId, String period, String groupKey, boolean suppressed, String reason,
                               Integer contributors, PairedChange.Result change) {
    }

    /** One published round with its figures (program first, then teams). */
    public record StoredRound(UUID programId, String period, Instant opensAt, Instant closesAt, Instant publishedAt,
                              int threshold, List<StoredFigure> figures) {
    }

    private static final String PAIRS = """
            select m.team_id, m.employee_id,
                   b.sitting_minutes as b_sitting, b.standing_minutes as b_standing, b.walking_minutes as b_walking, b.days_worked as b_days,
                   l.sitting_minutes as l_sitting, l.standing_minutes as l_standing, l.walking_minutes as l_walking, l.days_worked as l_days
              from insights_member m
              join insights_program_team pt on pt.tenant_id = m.tenant_id and pt.team_id = m.team_id and pt.program_id = ?
              join insights_sitting_report b on b.tenant_id = m.tenant_id and b.employee_id = m.employee_id
                   and b.period = 'baseline' and b.reported_at <= ? and b.days_worked > 0
              join insights_sitting_report l on l.tenant_id = m.tenant_id and l.employee_id = m.employee_id
                   and l.period = ? and l.reported_at <= ? and l.days_worked > 0
             where m.tenant_id = ? and m.enrolled_at <= ? and (m.left_at is null or m.left_at > ?)
            """;

    @Inject
    DataSource dataSource;

    @Inject
    TenantSettings settings;

    @Inject
    InsightsConfig config;

    @Inject
    Clock clock;

    @Inject
    WeekSnapshots weeks;

    /**
     * Publishes the due rounds of every tenant on the weekly snapshots' schedule ({@code upright.insights.snapshot-every}),
     * so a round is published close to its close even when nobody reads; every read publishes what is due first anyway.
     */
    @Scheduled(identity = "insights-sitting-outcome-publication", every = "{upright.insights.snapshot-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishEveryTenant() {
        for (String tenant : weeks.tenants()) {
            try {
                publishDue(tenant);
            } catch (RuntimeException e) {
                // one tenant's failure must not stop the others'; the next round or read retries
                LOG.warn("Cannot publish a tenant's sitting outcomes", e);
            }
        }
    }

    /** Publishes every round of the tenant's programs whose window has passed, oldest close first; returns how many. */
    @Transactional
    public int publishDue(String tenant) {
        SnapshotRows.lockTenant(dataSource, tenant);
        Instant now = Instant.now(clock);
        Set<String> published = new HashSet<>(SnapshotRows.query(dataSource,
                "select program_id || '|' || period from insights_outcome_round where tenant_id = ?", rs -> rs.getString(1), tenant));
        record Due(UUID programId, Round round) {
        }
        List<Due> due = new ArrayList<>();
        SnapshotRows.query(dataSource, "select program_id, starts_on, ended_at from insights_program where tenant_id = ?", rs -> {
            UUID program = rs.getObject(1, UUID.class);
            LocalDate startsOn = rs.getObject(2, LocalDate.class);
            Timestamp ended = rs.getTimestamp(3);
            for (Round round : SittingRounds.closed(startsOn, ended == null ? null : ended.toInstant(), now, config.sittingRoundWindow())) {
                if (!published.contains(program + "|" + round.period().name())) {
                    due.add(new Due(program, round));
                }
            }
            return 1;
        }, tenant);
        if (due.isEmpty()) {
            return 0;
        }
        due.sort(Comparator.comparing((Due d) -> d.round().closesAt()).thenComparing(d -> d.programId().toString()));
        AnonymityPolicy policy = settings.policyFor(tenant);
        OutcomeDisclosure disclosure = new OutcomeDisclosure(policy);
        List<Published> earlier = shownFigures(tenant);
        for (Due d : due) {
            publish(tenant, d.programId(), d.round(), now, policy, disclosure, earlier);
        }
        return due.size();
    }

    private void publish(String tenant, UUID programId, Round round, Instant now, AnonymityPolicy policy,
                         OutcomeDisclosure disclosure, List<Published> earlier) {
        Timestamp closes = Timestamp.from(round.closesAt());
        Map<UUID, Map<UUID, Pair>> byTeam = new TreeMap<>();
        SnapshotRows.query(dataSource, PAIRS, rs -> {
            byTeam.computeIfAbsent(rs.getObject("team_id", UUID.class), t -> new LinkedHashMap<>())
                    .put(rs.getObject("employee_id", UUID.class), new Pair(
                            new Minutes(rs.getInt("b_sitting"), rs.getInt("b_standing"), rs.getInt("b_walking"), rs.getInt("b_days")),
                            new Minutes(rs.getInt("l_sitting"), rs.getInt("l_standing"), rs.getInt("l_walking"), rs.getInt("l_days"))));
            return 1;
        }, programId, closes, round.period().name(), closes, tenant, closes, closes);
        // every team of the program has a figure, an empty one too (it is shown as "fewer than k")
        SnapshotRows.query(dataSource, "select team_id from insights_program_team where tenant_id = ? and program_id = ?",
                rs -> byTeam.computeIfAbsent(rs.getObject(1, UUID.class), t -> new LinkedHashMap<>()), tenant, programId);

        Map<UUID, Pair> everyone = new LinkedHashMap<>();
        List<Figure> teams = new ArrayList<>();
        byTeam.forEach((team, pairs) -> {
            everyone.putAll(pairs);
            teams.add(new Figure(team.toString(), pairs.keySet()));
        });
        Figure program = new Figure(OutcomeDisclosure.PROGRAM, everyone.keySet());
        Map<String, Verdict> verdicts = disclosure.assess(program, teams, earlier);

        SnapshotRows.update(dataSource, "insert into insights_outcome_round (tenant_id, program_id, period, opens_at, closes_at, "
                        + "published_at, threshold) values (?, ?, ?, ?, ?, ?, ?)", tenant, programId, round.period().name(),
                Timestamp.from(round.opensAt()), closes, Timestamp.from(now), policy.threshold());
        insert(tenant, programId, round, program, everyone, verdicts.get(OutcomeDisclosure.PROGRAM), earlier);
        for (Figure team : teams) {
            insert(tenant, programId, round, team, byTeam.get(UUID.fromString(team.key())), verdicts.get(team.key()), earlier);
        }
    }

    private void insert(String tenant, UUID programId, Round round, Figure figure, Map<UUID, Pair> pairs, Verdict verdict,
                        List<Published> earlier) {
        String period = round.period().name();
        if (verdict.suppressed()) {
            // a hidden figure keeps no numbers, not even its count: nothing is ever worked out from it again
            SnapshotRows.update(dataSource, "insert into insights_outcome_figure (tenant_id, program_id, period, group_key, "
                    + "suppressed, reason) values (?, ?, ?, ?, true, ?)", tenant, programId, period, figure.key(), verdict.reason());
            return;
        }
        PairedChange.Result r = PairedChange.of(new ArrayList<>(pairs.values()));
        SnapshotRows.update(dataSource, """
                        insert into insights_outcome_figure (tenant_id, program_id, period, group_key, suppressed, reason,
                               contributors, baseline_sitting, later_sitting, mean_change, sd_change, ci_low, ci_high,
                               share_fell_30, baseline_standing, later_standing, baseline_walking, later_walking)
                        values (?, ?, ?, ?, false, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, tenant, programId, period, figure.key(), r.n(), r.meanBaselineSitting(), r.meanLaterSitting(),
                r.meanDifference(), r.sdDifference(), r.ci95() == null ? null : r.ci95().low(),
                r.ci95() == null ? null : r.ci95().high(), r.shareFellByAtLeast30(), r.meanBaselineStanding(),
                r.meanLaterStanding(), r.meanBaselineWalking(), r.meanLaterWalking());
        for (UUID employee : figure.contributors()) {
            SnapshotRows.update(dataSource, "insert into insights_outcome_contributor (tenant_id, program_id, period, group_key, "
                    + "employee_id) values (?, ?, ?, ?, ?)", tenant, programId, period, figure.key(), employee);
        }
        earlier.add(new Published(Set.copyOf(figure.contributors()), 0));
    }

    /** Every figure of the tenant shown so far, with its contributors, for the differencing rule. */
    private List<Published> shownFigures(String tenant) {
        Map<String, Set<UUID>> contributors = new HashMap<>();
        SnapshotRows.query(dataSource, "select program_id || '|' || period || '|' || group_key, employee_id "
                        + "from insights_outcome_contributor where tenant_id = ?",
                rs -> contributors.computeIfAbsent(rs.getString(1), f -> new HashSet<>()).add(rs.getObject(2, UUID.class)), tenant);
        return SnapshotRows.query(dataSource, "select program_id || '|' || period || '|' || group_key, erased_contributors "
                        + "from insights_outcome_figure where tenant_id = ? and not suppressed",
                rs -> new Published(contributors.getOrDefault(rs.getString(1), Set.of()), rs.getInt(2)), tenant);
    }

    /** The published rounds of a program, in program order (publishing any that are due first). */
    public List<StoredRound> rounds(String tenant, UUID programId) {
        publishDue(tenant);
        Map<String, List<StoredFigure>> figures = new HashMap<>();
        SnapshotRows.query(dataSource, "select * from insights_outcome_figure where tenant_id = ? and program_id = ? "
                + "order by (group_key = 'program') desc, group_key", rs -> {
            boolean suppressed = rs.getBoolean("suppressed");
            PairedChange.Result change = suppressed ? null : new PairedChange.Result(rs.getInt("contributors"),
                    (Double) rs.getObject("baseline_sitting"), (Double) rs.getObject("later_sitting"),
                    (Double) rs.getObject("mean_change"), (Double) rs.getObject("sd_change"), null,
                    rs.getObject("ci_low") == null ? null : new PairedChange.Interval(rs.getDouble("ci_low"), rs.getDouble("ci_high")),
                    (Double) rs.getObject("share_fell_30"), (Double) rs.getObject("baseline_standing"),
                    (Double) rs.getObject("later_standing"), (Double) rs.getObject("baseline_walking"),
                    (Double) rs.getObject("later_walking"));
            figures.computeIfAbsent(rs.getString("period"), p -> new ArrayList<>()).add(new StoredFigure(programId,
                    rs.getString("period"), rs.getString("group_key"), suppressed, rs.getString("reason"),
                    suppressed ? null : rs.getInt("contributors"), change));
            return 1;
        }, tenant, programId);
        List<StoredRound> rounds = SnapshotRows.query(dataSource, "select period, opens_at, closes_at, published_at, threshold "
                        + "from insights_outcome_round where tenant_id = ? and program_id = ?",
                rs -> new StoredRound(programId, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), figures.getOrDefault(rs.getString(1), List.of())),
                tenant, programId);
        return rounds.stream().sorted(Comparator.comparing(r -> SittingPeriod.parse(r.period()).orElseThrow())).toList();
    }

    /**
     * An erased person leaves the figures they were in: their id goes, and each figure counts them as erased, so a
     * later figure without them is still compared with the one they were in as it was.
     */
    public void erase(String tenant, UUID employeeId) {
        SnapshotRows.update(dataSource, """
                update insights_outcome_figure f set erased_contributors = erased_contributors + 1
                 where exists (select 1 from insights_outcome_contributor c
                                where c.tenant_id = f.tenant_id and c.program_id = f.program_id and c.period = f.period
                                  and c.group_key = f.group_key and c.tenant_id = ? and c.employee_id = ?)
                """, tenant, employeeId);
        SnapshotRows.update(dataSource, "delete from insights_outcome_contributor where tenant_id = ? and employee_id = ?",
                tenant, employeeId);
    }

    public boolean programExists(String tenant, UUID programId) {
        return !SnapshotRows.query(dataSource, "select 1 from insights_program where tenant_id = ? and program_id = ?",
                rs -> 1, tenant, programId).isEmpty();
    }

    /** The sentence the dashboard shows with the figures. */
    static final String METHOD = "Each person is compared with their own baseline (paired): the change is the mean of each "
            + "contributor's own change in sitting minutes per workday, from the Occupational Sitting and Physical Activity "
            + "Questionnaire (OSPAQ, self-reported), with its 95 % confidence interval. A round is published once its "
            + "answer window has passed and never changes; a group of fewer than k contributors, or one that another "
            + "figure could narrow down to fewer than k people, is hidden.";

    /** Reference figures from the research, labelled as such. */
    static final List<SittingOutcomeViews.Reference> REFERENCES = List.of(
            new SittingOutcomeViews.Reference("Buckley et al. 2015, Br J Sports Med (expert statement)",
                    "2 h a workday of standing and light activity, progressing to 4 h",
                    "A recommended target for office workers, not an observed effect"),
            new SittingOutcomeViews.Reference("Edwardson et al. 2018, BMJ (SMArT Work trial)",
                    "-83 min of sitting a workday at 12 months, against control",
                    "A multi-component program with height-adjustable desks; a reference, not a promise"));

    /** HR's view of a program's outcome rounds; empty rounds until the first check-in's window has passed. */
    public SittingOutcomeViews.ProgramSittingOutcomes view(String tenant, UUID programId, Map<UUID, String> teamNames) {
        List<SittingOutcomeViews.SittingRound> rounds = new ArrayList<>();
        List<LocalDate> startsOn = SnapshotRows.query(dataSource, "select starts_on from insights_program where tenant_id = ? and program_id = ?",
                rs -> rs.getObject(1, LocalDate.class), tenant, programId);
        // the phases' targets by the program week they start in
        TreeMap<Integer, Integer> targetFromWeek = new TreeMap<>();
        SnapshotRows.query(dataSource, "select start_week, daily_active_minutes_target from insights_program_phase "
                + "where tenant_id = ? and program_id = ?", rs -> targetFromWeek.put(rs.getInt(1), rs.getInt(2)), tenant, programId);
        for (StoredRound round : rounds(tenant, programId)) {
            Integer target = null;
            if (!startsOn.isEmpty() && !targetFromWeek.isEmpty()) {
                long week = java.time.temporal.ChronoUnit.DAYS.between(startsOn.get(0), round.closesAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()) / 7 + 1;
                Map.Entry<Integer, Integer> phase = targetFromWeek.floorEntry((int) week);
                target = phase == null ? targetFromWeek.firstEntry().getValue() : phase.getValue();
            }
            SittingOutcomeViews.SittingFigure program = null;
            List<SittingOutcomeViews.SittingFigure> teams = new ArrayList<>();
            for (StoredFigure figure : round.figures()) {
                if (OutcomeDisclosure.PROGRAM.equals(figure.groupKey())) {
                    program = figure(figure, null, null);
                } else {
                    UUID team = UUID.fromString(figure.groupKey());
                    teams.add(figure(figure, team, teamNames.get(team)));
                }
            }
            // teams by name, as everywhere on the dashboard (unnamed ones last, by id)
            teams.sort(Comparator.comparing((SittingOutcomeViews.SittingFigure t) -> t.teamName() == null ? "\uffff" : t.teamName().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(t -> t.teamId().toString()));
            rounds.add(new SittingOutcomeViews.SittingRound(round.period(), round.opensAt(), round.closesAt(),
                    round.publishedAt(), round.threshold(), target, program, teams));
        }
        Instant next = SnapshotRows.query(dataSource, "select starts_on, ended_at from insights_program where tenant_id = ? and program_id = ?",
                rs -> {
                    Timestamp ended = rs.getTimestamp(2);
                    Instant now = Instant.now(clock);
                    Instant far = now.plus(java.time.Duration.ofDays(7L * SittingRounds.WEEKS_BETWEEN_CHECK_INS * (SittingRounds.MAX_CHECK_INS + 1)));
                    return SittingRounds.opened(rs.getObject(1, LocalDate.class), ended == null ? null : ended.toInstant(), far,
                                    config.sittingRoundWindow()).stream()
                            .map(Round::closesAt).filter(c -> c.isAfter(now)).findFirst().orElse(null);
                }, tenant, programId).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new SittingOutcomeViews.ProgramSittingOutcomes(programId, METHOD, next, rounds, REFERENCES);
    }

    private static SittingOutcomeViews.SittingFigure figure(StoredFigure f, UUID teamId, String teamName) {
        String group = teamId == null ? "program" : "team";
        if (f.suppressed() || f.change() == null || f.change().n() == 0) {
            return new SittingOutcomeViews.SittingFigure(group, teamId, teamName, true, f.reason(), null, null, null, null, null);
        }
        PairedChange.Result r = f.change();
        return new SittingOutcomeViews.SittingFigure(group, teamId, teamName, false, null, r.n(),
                new SittingOutcomeViews.WorkdayMinutes(tenth(r.meanBaselineSitting()), tenth(r.meanBaselineStanding()), tenth(r.meanBaselineWalking())),
                new SittingOutcomeViews.WorkdayMinutes(tenth(r.meanLaterSitting()), tenth(r.meanLaterStanding()), tenth(r.meanLaterWalking())),
                new SittingOutcomeViews.SittingChange(tenth(r.meanDifference()),
                        r.ci95() == null ? null : tenth(r.ci95().low()), r.ci95() == null ? null : tenth(r.ci95().high())),
                Math.round(r.shareFellByAtLeast30() * 100) / 100.0);
    }

    private static double tenth(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
