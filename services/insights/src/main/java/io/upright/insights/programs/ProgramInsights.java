package io.upright.insights.programs;

import io.upright.insights.programs.ProgramViews.FindingCount;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.BreakdownVerdicts;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.anonymity.AnonymityPolicy.Whole;
import io.upright.insights.anonymity.CellSuppression;
import io.upright.insights.anonymity.CellSuppression.Cell;
import io.upright.insights.anonymity.CellSuppression.Grid;
import io.upright.insights.anonymity.CellSuppression.Outcome;
import io.upright.insights.programs.ProgramQueries.AssessedTeam;
import io.upright.insights.programs.ProgramQueries.Counts;
import io.upright.insights.programs.ProgramQueries.LatestAssessment;
import io.upright.insights.programs.ProgramQueries.PhaseRow;
import io.upright.insights.programs.ProgramQueries.ProgramTeam;
import io.upright.insights.programs.ProgramQueries.ProgramRow;
import io.upright.insights.programs.ProgramQueries.TeamRow;
import io.upright.insights.programs.ProgramViews.Change;
import io.upright.insights.programs.ProgramViews.Figures;
import io.upright.insights.programs.ProgramViews.Phase;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import io.upright.insights.programs.ProgramViews.ProgramSummary;
import io.upright.insights.programs.ProgramViews.Risk;
import io.upright.insights.programs.ProgramViews.Team;
import io.upright.insights.programs.ProgramViews.Week;
import io.upright.insights.settings.TenantSettings;
import io.upright.platform.api.Page;
import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A program's figures as HR may see them. Raw counts come from {@link ProgramQueries}; every figure then passes
 * the tenant's anonymity rules ({@link CellSuppression} for the team-by-week table and its totals, the
 * {@link AnonymityPolicy} for the risk breakdown) before it is shaped into a view. The API, the CSV and the page
 * all read this one result, so they can never disagree about what is hidden.
 */
@ApplicationScoped
public class ProgramInsights {

    public static final int DEFAULT_WEEKS = 8;
    public static final int MAX_WEEKS = 52;
    static final List<String> ROSA_BANDS = List.of("1-2", "3-4", "5+");
    static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH");
    static final int TOP_FINDINGS = 5;
    private static final String TOTAL = "";

    @Inject
    ProgramQueries queries;

    @Inject
    TenantSettings settings;

    @Inject
    Clock clock;

    public Page<ProgramSummary> programs(String tenant, int page, int size) {
        List<ProgramSummary> all = queries.programs(tenant).stream()
                .sorted(Comparator.comparing(ProgramRow::launchedAt).reversed()
                        .thenComparing(p -> p.title().toLowerCase(Locale.ROOT))
                        .thenComparing(p -> p.programId().toString()))
                .map(p -> new ProgramSummary(p.programId(), p.title(), p.status(), p.startsOn(), p.teams(),
                        p.currentPhase(), p.launchedAt()))
                .toList();
        return new Page<>(all.stream().skip((long) page * size).limit(size).toList(), page, size, all.size());
    }

    public AnonymityPolicy policy(String tenant) {
        return settings.policyFor(tenant);
    }

    /** @throws Rejection not found when the tenant has no such program (another tenant's included) */
    public ProgramInsight program(String tenant, UUID programId, int weeks) {
        ProgramRow program = queries.program(tenant, programId)
                .orElseThrow(() -> Rejection.notFound("No program " + programId));
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<PhaseRow> phases = queries.phases(tenant, programId);

        LocalDate firstProgramWeek = program.startsOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate until = program.endedAt() != null ? program.endedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(clock);
        LocalDate lastWeek = until.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (lastWeek.isBefore(firstProgramWeek)) {
            lastWeek = firstProgramWeek;
        }
        LocalDate firstWeek = lastWeek.minusWeeks(weeks - 1L);
        if (firstWeek.isBefore(firstProgramWeek)) {
            firstWeek = firstProgramWeek;
        }
        List<LocalDate> weekStarts = new ArrayList<>();
        for (LocalDate w = firstWeek; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
            weekStarts.add(w);
        }

        List<TeamRow> teams = queries.teams(tenant, programId).stream()
                .sorted(Comparator.comparing((TeamRow t) -> name(t).toLowerCase(Locale.ROOT)).thenComparing(t -> t.teamId().toString()))
                .toList();
        Map<String, Counts> counts = new HashMap<>();
        for (Counts c : queries.weekly(tenant, programId, firstWeek, lastWeek)) {
            counts.put(key(c.allTeams() ? TOTAL : c.teamId().toString(), c.allWeeks() ? TOTAL : c.week().toString()), c);
        }

        // the grid the anonymity rules see: every figure below is one of these cells or margins
        List<String> rows = teams.stream().map(t -> t.teamId().toString()).toList();
        List<String> columns = weekStarts.stream().map(LocalDate::toString).toList();
        Map<String, String> names = new HashMap<>();
        teams.forEach(t -> names.put(t.teamId().toString(), name(t)));
        Map<Cell, Long> cellSizes = new HashMap<>();
        Map<String, Long> rowSizes = new HashMap<>();
        Map<String, Long> columnSizes = new HashMap<>();
        for (String row : rows) {
            rowSizes.put(row, enrolled(counts.get(key(row, TOTAL))));
            for (String column : columns) {
                cellSizes.put(new Cell(row, column), enrolled(counts.get(key(row, column))));
            }
        }
        columns.forEach(column -> columnSizes.put(column, enrolled(counts.get(key(TOTAL, column)))));
        CellSuppression suppression = new CellSuppression(policy);
        Outcome outcome = suppression.assess(new Grid(rows, names, columns, cellSizes, rowSizes,
                columnSizes, enrolled(counts.get(key(TOTAL, TOTAL)))));
        // the averages describe only the people with activity: the same rules over those, on top of the above
        Map<Cell, Long> activeCells = new HashMap<>();
        Map<String, Long> activeRows = new HashMap<>();
        Map<String, Long> activeColumns = new HashMap<>();
        for (String row : rows) {
            activeRows.put(row, active(counts.get(key(row, TOTAL))));
            for (String column : columns) {
                activeCells.put(new Cell(row, column), active(counts.get(key(row, column))));
            }
        }
        columns.forEach(column -> activeColumns.put(column, active(counts.get(key(TOTAL, column)))));
        Outcome averages = suppression.assessAverages(new Grid(rows, names, columns, activeCells, activeRows,
                activeColumns, active(counts.get(key(TOTAL, TOTAL)))), outcome);

        Integer currentTarget = currentPhase(program, phases, weekNumber(firstProgramWeek, lastWeek)) == null ? null
                : currentPhase(program, phases, weekNumber(firstProgramWeek, lastWeek)).dailyActiveMinutesTarget();
        List<Week> trend = new ArrayList<>();
        for (LocalDate week : weekStarts) {
            int number = weekNumber(firstProgramWeek, week);
            PhaseRow phase = scheduledPhase(phases, number);
            trend.add(new Week(isoWeek(week), week, number, phase == null ? null : phase.number(),
                    figures(counts.get(key(TOTAL, week.toString())), outcome.columns().get(week.toString()),
                            averages.columns().get(week.toString()), phase == null ? null : phase.dailyActiveMinutesTarget())));
        }
        String latest = columns.get(columns.size() - 1);
        String previous = columns.size() > 1 ? columns.get(columns.size() - 2) : null;
        Figures overview = figures(counts.get(key(TOTAL, TOTAL)), outcome.total(), averages.total(), currentTarget);

        // risk: current members' latest assessments; a row describes the people assessed in it
        List<LatestAssessment> latestAssessments = queries.latestAssessments(tenant, programId);
        BreakdownVerdicts riskVerdicts = riskVerdicts(tenant, policy);
        Verdict hiddenRisk = new Verdict(true, policy.tooFewAssessedReason());
        Verdict programRisk = riskVerdicts.wholes().getOrDefault(programId.toString(), hiddenRisk);

        List<Team> teamViews = new ArrayList<>();
        for (TeamRow team : teams) {
            String row = team.teamId().toString();
            Figures latestFigures = figures(counts.get(key(row, latest)), outcome.cell(row, latest),
                    averages.cell(row, latest), targetOf(phases, firstProgramWeek, latest));
            Figures previousFigures = previous == null ? null
                    : figures(counts.get(key(row, previous)), outcome.cell(row, previous), averages.cell(row, previous),
                    targetOf(phases, firstProgramWeek, previous));
            teamViews.add(new Team(team.teamId(), name(team),
                    figures(counts.get(key(row, TOTAL)), outcome.rows().get(row), averages.rows().get(row), currentTarget),
                    latestFigures, change(latestFigures, previousFigures),
                    risk(latestAssessments.stream().filter(a -> team.teamId().equals(a.teamId())).toList(),
                            riskVerdicts.parts().getOrDefault(row, hiddenRisk))));
        }
        Week latestWeek = trend.get(trend.size() - 1);
        Week previousWeek = trend.size() > 1 ? trend.get(trend.size() - 2) : null;
        PhaseRow current = currentPhase(program, phases, weekNumber(firstProgramWeek, lastWeek));
        return new ProgramInsight(program.programId(), program.title(), program.status(), program.startsOn(),
                current == null ? null : phase(current), phases.stream().map(ProgramInsights::phase).toList(),
                policy.threshold(), policy.suppressedLabel(), trend.stream().map(Week::week).toList(), overview,
                latestWeek.figures(), change(latestWeek.figures(), previousWeek == null ? null : previousWeek.figures()),
                teamViews, trend, risk(latestAssessments, programRisk));
    }

    /**
     * Which risk rows of the tenant may be shown, decided for all teams and programs at once: a team hidden in
     * one program's table stays hidden in every other program and in {@code /api/insights/teams}, so no
     * program total can be set against a row shown elsewhere.
     */
    public BreakdownVerdicts riskVerdicts(String tenant) {
        return riskVerdicts(tenant, settings.policyFor(tenant));
    }

    private BreakdownVerdicts riskVerdicts(String tenant, AnonymityPolicy policy) {
        Map<String, AnonymityPolicy.Group> rows = new LinkedHashMap<>();
        for (AssessedTeam team : queries.assessedPerTeam(tenant)) {
            String key = team.teamId().toString();
            rows.put(key, new AnonymityPolicy.Group(key, team.name(), team.assessed()));
        }
        Map<String, List<String>> programTeams = new TreeMap<>();
        for (ProgramTeam pt : queries.programTeams(tenant)) {
            String team = pt.teamId().toString();
            programTeams.computeIfAbsent(pt.programId().toString(), p -> new ArrayList<>()).add(team);
            rows.putIfAbsent(team, new AnonymityPolicy.Group(team, null, 0));
        }
        List<Whole> wholes = programTeams.entrySet().stream()
                .map(e -> new Whole(e.getKey(), e.getValue().stream().mapToLong(t -> rows.get(t).members()).sum(), e.getValue()))
                .toList();
        return policy.assessBreakdowns(List.copyOf(rows.values()), wholes);
    }

    static String isoWeek(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Phase phase(PhaseRow p) {
        return new Phase(p.number(), p.startWeek(), p.breakEveryMinutes(), p.dailyActiveMinutesTarget());
    }

    private static Integer targetOf(List<PhaseRow> phases, LocalDate firstProgramWeek, String week) {
        PhaseRow phase = scheduledPhase(phases, weekNumber(firstProgramWeek, LocalDate.parse(week)));
        return phase == null ? null : phase.dailyActiveMinutesTarget();
    }

    private static int weekNumber(LocalDate firstProgramWeek, LocalDate week) {
        return (int) ChronoUnit.WEEKS.between(firstProgramWeek, week) + 1;
    }

    /** The phase the schedule puts in a program week: the latest one that has started by then. */
    private static PhaseRow scheduledPhase(List<PhaseRow> phases, int weekNumber) {
        PhaseRow found = null;
        for (PhaseRow phase : phases) {
            if (phase.startWeek() <= weekNumber && (found == null || phase.startWeek() >= found.startWeek())) {
                found = phase;
            }
        }
        return found == null && !phases.isEmpty() ? phases.get(0) : found;
    }

    /** The phase ProgramPhaseStarted announced last; the schedule's when none was announced yet. */
    private static PhaseRow currentPhase(ProgramRow program, List<PhaseRow> phases, int weekNumber) {
        if (program.currentPhase() != null) {
            for (PhaseRow phase : phases) {
                if (phase.number() == program.currentPhase()) {
                    PhaseRow scheduled = scheduledPhase(phases, weekNumber);
                    return scheduled != null && scheduled.number() > phase.number() ? scheduled : phase;
                }
            }
        }
        return scheduledPhase(phases, weekNumber);
    }

    private static Figures figures(Counts c, Verdict verdict, Verdict averages, Integer target) {
        if (verdict == null || verdict.suppressed() || c == null) {
            return new Figures(true, verdict == null ? null : verdict.reason(), null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null);
        }
        // an average over fewer than k active people would describe them: shown as null with its reason
        boolean averaged = averages != null && !averages.suppressed();
        Double perDay = !averaged ? null
                : c.employeeDays() == 0 ? 0.0 : Math.round(10.0 * c.activeBreakMinutes() / c.employeeDays()) / 10.0;
        Long attainment = perDay == null || target == null || target == 0 ? null : Math.round(100.0 * perDay / target);
        return new Figures(false, null, averaged ? null : averages == null ? null : averages.reason(), c.enrolled(), c.active(),
                c.enrolled() == 0 ? 0L : Math.round(100.0 * c.assessed() / c.enrolled()), c.assessmentsCompleted(),
                c.remindersSent(), c.breaksTaken(), c.breaksSnoozed(), c.breaksSkipped(), c.remindersExpired(),
                c.deliveryFailures(), c.activeBreakMinutes(), perDay, target, attainment, c.exerciseSessions(),
                c.exerciseMinutes());
    }

    /** Differences of visible figures only: a hidden week never leaks through a change. */
    private static Change change(Figures now, Figures before) {
        if (now == null || before == null || now.suppressed() || before.suppressed()) {
            return new Change(null, null, null, null, null, null);
        }
        Double perDay = now.activeMinutesPerEmployeeDay() == null || before.activeMinutesPerEmployeeDay() == null ? null
                : Math.round(10.0 * (now.activeMinutesPerEmployeeDay() - before.activeMinutesPerEmployeeDay())) / 10.0;
        return new Change(now.active() - before.active(), now.breaksTaken() - before.breaksTaken(),
                now.activeBreakMinutes() - before.activeBreakMinutes(), perDay,
                now.exerciseSessions() - before.exerciseSessions(), now.exerciseMinutes() - before.exerciseMinutes());
    }

    private static Risk risk(List<LatestAssessment> assessments, Verdict verdict) {
        if (verdict == null || verdict.suppressed()) {
            return new Risk(true, verdict == null ? null : verdict.reason(), null, null, null, null);
        }
        Map<String, Long> rosa = new LinkedHashMap<>();
        ROSA_BANDS.forEach(band -> rosa.put(band, 0L));
        Map<String, Long> levels = new LinkedHashMap<>();
        RISK_LEVELS.forEach(level -> levels.put(level, 0L));
        Map<String, Long> findings = new HashMap<>();
        for (LatestAssessment a : assessments) {
            if ("ROSA".equalsIgnoreCase(a.method())) {
                int score = a.score() == null ? 0 : a.score();
                rosa.merge(score >= 5 ? "5+" : score >= 3 ? "3-4" : "1-2", 1L, Long::sum);
            } else if (a.riskLevel() != null) {
                levels.merge(a.riskLevel(), 1L, Long::sum);
            }
            a.findingCodes().stream().distinct().forEach(code -> findings.merge(code, 1L, Long::sum));
        }
        List<FindingCount> top = findings.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FINDINGS)
                .map(e -> new FindingCount(e.getKey(), e.getValue()))
                .toList();
        return new Risk(false, null, (long) assessments.size(), rosa, levels, top);
    }

    private static long active(Counts c) {
        return c == null ? 0 : c.active();
    }

    private static long enrolled(Counts c) {
        return c == null ? 0 : c.enrolled();
    }

    private static String key(String row, String column) {
        return row + "|" + column;
    }

    private static String name(TeamRow team) {
        return team.name() == null ? "team " + team.teamId().toString().substring(0, 8) : team.name();
    }
}
