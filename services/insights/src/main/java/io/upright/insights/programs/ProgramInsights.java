package io.upright.insights.programs;

import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.BreakdownVerdicts;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.anonymity.AnonymityPolicy.Whole;
import io.upright.insights.anonymity.Banding;
import io.upright.insights.anonymity.Banding.Shown;
import io.upright.insights.anonymity.WeeklyCells;
import io.upright.insights.anonymity.WeeklyCells.Part;
import io.upright.insights.anonymity.WeeklyCells.TeamWeek;
import io.upright.insights.programs.ProgramQueries.PhaseRow;
import io.upright.insights.programs.ProgramQueries.ProgramRow;
import io.upright.insights.programs.ProgramQueries.ProgramTeam;
import io.upright.insights.programs.ProgramQueries.TeamRow;
import io.upright.insights.programs.ProgramViews.Change;
import io.upright.insights.programs.ProgramViews.FindingCount;
import io.upright.insights.programs.ProgramViews.Figures;
import io.upright.insights.programs.ProgramViews.PendingWeek;
import io.upright.insights.programs.ProgramViews.Phase;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import io.upright.insights.programs.ProgramViews.ProgramSummary;
import io.upright.insights.programs.ProgramViews.Risk;
import io.upright.insights.programs.ProgramViews.Team;
import io.upright.insights.programs.ProgramViews.Week;
import io.upright.insights.settings.TenantSettings;
import io.upright.insights.snapshots.ClosedWeeks;
import io.upright.insights.snapshots.RiskSnapshots;
import io.upright.insights.snapshots.RiskSnapshots.Assessed;
import io.upright.insights.snapshots.WeekSnapshots;
import io.upright.insights.snapshots.WeekSnapshots.Cell;
import io.upright.insights.snapshots.WeekSnapshots.PublishedWeek;
import io.upright.platform.api.Page;
import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * A program's figures as HR may see them, built only from published snapshots: the closed weeks' team cells
 * ({@link WeekSnapshots}, each published once with its verdict) and the risk snapshot ({@link RiskSnapshots}).
 * A program's week is the sum of its teams' cells; a total over several weeks is shown only when none of its
 * weeks is hidden ({@link WeeklyCells}); risk counts are banded ({@link Banding}). The API, the CSV and the page
 * all read this one result, so they can never disagree about what is hidden.
 */
@ApplicationScoped
public class ProgramInsights {

    public static final int DEFAULT_WEEKS = 8;
    public static final int MAX_WEEKS = 52;
    static final List<String> ROSA_BANDS = List.of("1-2", "3-4", "5+");
    static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH");
    static final int TOP_FINDINGS = 5;
    static final String NOT_CLOSED = "week not closed yet";
    static final String NOT_PUBLISHED = "closed, not published yet";

    /** A tenant's published risk rows: per team and per program, and when they were published. */
    public record PublishedRisk(Map<String, Risk> teams, Map<String, Risk> programs, Instant publishedAt) {
    }

    @Inject
    ProgramQueries queries;

    @Inject
    TenantSettings settings;

    @Inject
    WeekSnapshots weekSnapshots;

    @Inject
    RiskSnapshots riskSnapshots;

    @Inject
    Clock clock;

    @Inject
    ProgramViewCache cache;

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

    public ProgramInsight program(String tenant, UUID programId, int weeks) {
        return program(tenant, programId, weeks, null);
    }

    /**
     * The program's last {@code weeks} published weeks, or exactly the published week {@code isoWeek} when given.
     *
     * @throws Rejection not found when the tenant has no such program; invalid ({@code week}) for a week that is
     *                   malformed, not the program's, or not published
     */
    public ProgramInsight program(String tenant, UUID programId, int weeks, String isoWeek) {
        ProgramViewCache.Key key = new ProgramViewCache.Key(programId, weeks, isoWeek, LocalDate.now(clock),
                weekSnapshots.lastClosed());
        return cache.get(tenant, key, () -> compute(tenant, programId, weeks, isoWeek));
    }

    private ProgramInsight compute(String tenant, UUID programId, int weeks, String isoWeek) {
        ProgramRow program = queries.program(tenant, programId)
                .orElseThrow(() -> Rejection.notFound("No program " + programId));
        weekSnapshots.publishClosedWeeks(tenant);
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<PhaseRow> phases = queries.phases(tenant, programId);

        LocalDate firstProgramWeek = ClosedWeeks.monday(program.startsOn());
        LocalDate endWeek = program.endedAt() == null ? null
                : ClosedWeeks.monday(program.endedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        Map<LocalDate, PublishedWeek> published = new TreeMap<>();
        for (PublishedWeek w : weekSnapshots.publishedWeeks(tenant)) {
            if (!w.week().isBefore(firstProgramWeek) && (endWeek == null || !w.week().isAfter(endWeek))) {
                published.put(w.week(), w);
            }
        }
        List<LocalDate> window = new ArrayList<>(published.keySet());
        if (isoWeek != null) {
            LocalDate asked = ClosedWeeks.parse(isoWeek).orElseThrow(() ->
                    Rejection.invalid("week", "must be an ISO week such as 2026-W40"));
            if (!published.containsKey(asked)) {
                throw Rejection.invalid("week", isoWeek + " is not a published week of this program: a week is published "
                        + "once it has closed" + (published.isEmpty() ? "; none is yet"
                        : "; published: " + ClosedWeeks.isoWeek(window.get(0)) + " to " + ClosedWeeks.isoWeek(window.get(window.size() - 1))));
            }
            window = List.of(asked);
        } else if (window.size() > weeks) {
            window = window.subList(window.size() - weeks, window.size());
        }

        List<TeamRow> teams = queries.teams(tenant, programId).stream()
                .sorted(Comparator.comparing((TeamRow t) -> name(t).toLowerCase(Locale.ROOT)).thenComparing(t -> t.teamId().toString()))
                .toList();
        List<String> teamKeys = teams.stream().map(t -> t.teamId().toString()).toList();
        Map<String, Cell> cells = new HashMap<>();
        if (!window.isEmpty()) {
            for (Cell cell : weekSnapshots.cells(tenant, window.get(0), window.get(window.size() - 1))) {
                cells.put(key(cell.teamId().toString(), cell.week()), cell);
            }
        }
        WeeklyCells rules = new WeeklyCells(policy);
        // the program's week: the sum of its teams' published cells, hidden when it would expose one of them
        Map<LocalDate, Cell> programWeeks = new LinkedHashMap<>();
        for (LocalDate week : window) {
            List<Cell> parts = new ArrayList<>();
            Map<String, TeamWeek> sizes = new HashMap<>();
            Map<String, Verdict> verdicts = new HashMap<>();
            for (String team : teamKeys) {
                Cell cell = cells.get(key(team, week));
                if (cell != null) {
                    parts.add(cell);
                    sizes.put(team, new TeamWeek(team, null, cell.active(), cell.people()));
                    verdicts.put(team, cell.verdict());
                }
            }
            Verdict verdict = new WeeklyCells(new AnonymityPolicy(published.get(week).threshold()))
                    .whole(new WeeklyCells.Whole(programId.toString(), teamKeys), sizes, verdicts);
            programWeeks.put(week, sum(week, parts, verdict));
        }

        List<Week> trend = new ArrayList<>();
        for (LocalDate week : window) {
            int number = weekNumber(firstProgramWeek, week);
            PhaseRow phase = scheduledPhase(phases, number);
            trend.add(new Week(ClosedWeeks.isoWeek(week), week, number, phase == null ? null : phase.number(),
                    figures(programWeeks.get(week))));
        }
        Verdict noWeek = new Verdict(true, policy.noPublishedWeekReason());
        Figures overview = total(new ArrayList<>(programWeeks.values()), rules, noWeek);
        Week latestWeek = trend.isEmpty() ? null : trend.get(trend.size() - 1);
        Week previousWeek = trend.size() > 1 ? trend.get(trend.size() - 2) : null;

        PublishedRisk risk = publishedRisk(tenant);
        Verdict hiddenRisk = new Verdict(true, policy.tooFewAssessedReason());
        List<Team> teamViews = new ArrayList<>();
        for (TeamRow team : teams) {
            String row = team.teamId().toString();
            List<Cell> own = new ArrayList<>();
            for (LocalDate week : window) {
                Cell cell = cells.get(key(row, week));
                own.add(cell == null ? Cell.empty(week, team.teamId(), new Verdict(true, policy.tooFewActiveReason())) : cell);
            }
            Figures latest = own.isEmpty() ? null : figures(own.get(own.size() - 1));
            Figures previous = own.size() > 1 ? figures(own.get(own.size() - 2)) : null;
            teamViews.add(new Team(team.teamId(), name(team), total(own, rules, noWeek), latest,
                    change(latest, previous), risk.teams().getOrDefault(row, hiddenRiskView(hiddenRisk))));
        }
        PhaseRow current = currentPhase(program, phases,
                weekNumber(firstProgramWeek, window.isEmpty() ? firstProgramWeek : window.get(window.size() - 1)));
        return new ProgramInsight(program.programId(), program.title(), program.status(), program.startsOn(),
                current == null ? null : phase(current), phases.stream().map(ProgramInsights::phase).toList(),
                policy.threshold(), policy.suppressedLabel(), trend.stream().map(Week::week).toList(),
                isoWeek == null ? pending(firstProgramWeek, endWeek) : List.of(), overview,
                latestWeek == null ? null : latestWeek.figures(),
                change(latestWeek == null ? null : latestWeek.figures(), previousWeek == null ? null : previousWeek.figures()),
                teamViews, trend, risk.programs().getOrDefault(programId.toString(), hiddenRiskView(hiddenRisk)),
                risk.publishedAt());
    }

    /** The program's weeks after the last closed one, up to this one: shown without figures. */
    private List<PendingWeek> pending(LocalDate firstProgramWeek, LocalDate endWeek) {
        LocalDate thisWeek = ClosedWeeks.monday(LocalDate.now(clock));
        List<PendingWeek> pending = new ArrayList<>();
        for (LocalDate w = weekSnapshots.lastClosed().plusWeeks(1); !w.isAfter(thisWeek); w = w.plusWeeks(1)) {
            if (!w.isBefore(firstProgramWeek) && (endWeek == null || !w.isAfter(endWeek))) {
                pending.add(new PendingWeek(ClosedWeeks.isoWeek(w), w, w.equals(thisWeek) ? NOT_CLOSED : NOT_PUBLISHED,
                        weekSnapshots.publishableFrom(w)));
            }
        }
        return pending;
    }

    /**
     * The tenant's published risk and findings rows, decided for all teams and programs at once: a team hidden in
     * one program's table stays hidden in every other program and in {@code /api/insights/teams}. Counted from the
     * risk snapshot in force, with the higher of its k and the tenant's k now.
     */
    public PublishedRisk publishedRisk(String tenant) {
        RiskSnapshots.Snapshot snapshot = riskSnapshots.current(tenant);
        AnonymityPolicy current = settings.policyFor(tenant);
        AnonymityPolicy policy = snapshot.threshold() > current.threshold() ? new AnonymityPolicy(snapshot.threshold()) : current;
        Map<UUID, String> names = queries.teamNames(tenant);
        Map<String, List<Assessed>> byTeam = new LinkedHashMap<>();
        for (Assessed a : snapshot.rows()) {
            byTeam.computeIfAbsent(a.teamId().toString(), t -> new ArrayList<>()).add(a);
        }
        Map<String, List<String>> programTeams = new TreeMap<>();
        for (ProgramTeam pt : queries.programTeams(tenant)) {
            programTeams.computeIfAbsent(pt.programId().toString(), p -> new ArrayList<>()).add(pt.teamId().toString());
            byTeam.putIfAbsent(pt.teamId().toString(), new ArrayList<>());
        }
        List<AnonymityPolicy.Group> groups = new ArrayList<>();
        byTeam.forEach((team, rows) -> groups.add(new AnonymityPolicy.Group(team, names.get(UUID.fromString(team)), rows.size())));
        List<Whole> wholes = programTeams.entrySet().stream()
                .map(e -> new Whole(e.getKey(), e.getValue().stream().mapToLong(t -> byTeam.get(t).size()).sum(), e.getValue()))
                .toList();
        BreakdownVerdicts verdicts = policy.assessBreakdowns(groups, wholes);

        // the counts each row would show, before banding
        Map<String, Map<String, Long>> levels = new LinkedHashMap<>();
        Map<String, Map<String, Long>> findings = new LinkedHashMap<>();
        Map<String, Long> assessed = new LinkedHashMap<>();
        byTeam.forEach((team, rows) -> {
            levels.put(team, levelCounts(rows));
            findings.put(team, findingCounts(rows));
            assessed.put(team, (long) rows.size());
        });
        programTeams.forEach((program, members) -> {
            List<Assessed> rows = new ArrayList<>();
            members.forEach(t -> rows.addAll(byTeam.get(t)));
            levels.put(program, levelCounts(rows));
            findings.put(program, findingCounts(rows));
            assessed.put(program, (long) rows.size());
        });
        List<String> levelCategories = new ArrayList<>();
        ROSA_BANDS.forEach(b -> levelCategories.add("rosa:" + b));
        RISK_LEVELS.forEach(l -> levelCategories.add("level:" + l));
        Set<String> codes = new HashSet<>();
        findings.values().forEach(f -> codes.addAll(f.keySet()));
        List<String> codeList = codes.stream().sorted().toList();

        List<Banding.Row> levelRows = new ArrayList<>();
        List<Banding.Row> findingRows = new ArrayList<>();
        byTeam.keySet().forEach(team -> {
            boolean hidden = verdicts.parts().get(team).suppressed();
            String name = names.get(UUID.fromString(team));
            levelRows.add(new Banding.Row(team, name, assessed.get(team), hidden, levels.get(team), null));
            findingRows.add(new Banding.Row(team, name, assessed.get(team), hidden, findings.get(team), top(findings.get(team))));
        });
        List<Banding.Row> levelWholes = new ArrayList<>();
        List<Banding.Row> findingWholes = new ArrayList<>();
        programTeams.keySet().forEach(program -> {
            boolean hidden = verdicts.wholes().get(program).suppressed();
            levelWholes.add(new Banding.Row(program, null, assessed.get(program), hidden, levels.get(program), null));
            findingWholes.add(new Banding.Row(program, null, assessed.get(program), hidden, findings.get(program), top(findings.get(program))));
        });
        Banding banding = new Banding(policy);
        Map<String, Map<String, Shown>> shownLevels = banding.band(levelRows, levelWholes, programTeams, levelCategories, true);
        Map<String, Map<String, Shown>> shownFindings = banding.band(findingRows, findingWholes, programTeams, codeList, false);

        Map<String, Risk> teamRisks = new LinkedHashMap<>();
        byTeam.keySet().forEach(team -> teamRisks.put(team, riskView(verdicts.parts().get(team), assessed.get(team),
                shownLevels.get(team), shownFindings.get(team), findings.get(team))));
        Map<String, Risk> programRisks = new LinkedHashMap<>();
        programTeams.keySet().forEach(program -> programRisks.put(program, riskView(verdicts.wholes().get(program),
                assessed.get(program), shownLevels.get(program), shownFindings.get(program), findings.get(program))));
        return new PublishedRisk(teamRisks, programRisks, snapshot.publishedAt());
    }

    private static Map<String, Long> levelCounts(List<Assessed> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Assessed a : rows) {
            if ("ROSA".equalsIgnoreCase(a.method())) {
                int score = a.score() == null ? 0 : a.score();
                counts.merge("rosa:" + (score >= 5 ? "5+" : score >= 3 ? "3-4" : "1-2"), 1L, Long::sum);
            } else if (a.riskLevel() != null) {
                counts.merge("level:" + a.riskLevel(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> findingCounts(List<Assessed> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(a -> a.findingCodes().stream().distinct().forEach(code -> counts.merge(code, 1L, Long::sum)));
        return counts;
    }

    /** The row's five most frequent findings (ties by code): the only ones it lists. */
    private static Set<String> top(Map<String, Long> counts) {
        Set<String> top = new HashSet<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FINDINGS).forEach(e -> top.add(e.getKey()));
        return top;
    }

    private static Risk hiddenRiskView(Verdict verdict) {
        return new Risk(true, verdict.reason(), null, null, null, null);
    }

    private static Risk riskView(Verdict verdict, long assessed, Map<String, Shown> levels, Map<String, Shown> findings,
                                 Map<String, Long> findingCounts) {
        if (verdict == null || verdict.suppressed() || levels == null) {
            return hiddenRiskView(verdict == null ? new Verdict(true, null) : verdict);
        }
        Map<String, Object> rosa = new LinkedHashMap<>();
        ROSA_BANDS.forEach(band -> rosa.put(band, levels.get("rosa:" + band).value()));
        Map<String, Object> workstation = new LinkedHashMap<>();
        RISK_LEVELS.forEach(level -> workstation.put(level, levels.get("level:" + level).value()));
        // numbers by count; the banded after them by code, so their order tells nothing of their counts
        List<FindingCount> top = findings.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Shown> e) -> e.getValue().banded())
                        .thenComparing(e -> e.getValue().banded() ? 0L : -findingCounts.get(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new FindingCount(e.getKey(), e.getValue().value()))
                .toList();
        return new Risk(false, null, assessed, rosa, workstation, top);
    }

    /** A program's week: its teams' cells added up (teams are disjoint, so people add up too). */
    private static Cell sum(LocalDate week, List<Cell> parts, Verdict verdict) {
        return new Cell(week, null, add(parts, Cell::enrolled), add(parts, Cell::active), add(parts, Cell::people),
                add(parts, Cell::assessed), add(parts, Cell::assessmentsCompleted), add(parts, Cell::routinesRecommended),
                add(parts, Cell::remindersSent), add(parts, Cell::breaksTaken), add(parts, Cell::breaksSnoozed),
                add(parts, Cell::breaksSkipped), add(parts, Cell::remindersExpired), add(parts, Cell::deliveryFailures),
                add(parts, Cell::activeBreakMinutes), add(parts, Cell::employeeDays), add(parts, Cell::exerciseSessions),
                add(parts, Cell::exerciseMinutes), verdict.suppressed(), verdict.reason());
    }

    private static long add(List<Cell> cells, ToLongFunction<Cell> figure) {
        return cells.stream().mapToLong(figure).sum();
    }

    /**
     * A total over several published weeks, shown only when none of them is hidden. Counts and minutes add up;
     * enrolled and active are the highest weekly figures (the same people recur), coverage is the last week's.
     */
    static Figures total(List<Cell> weeks, WeeklyCells rules, Verdict none) {
        if (weeks.isEmpty()) {
            return hidden(none);
        }
        Verdict verdict = rules.overWeeks(weeks.stream().map(c -> new Part(c.verdict(), c.empty())).toList());
        if (verdict.suppressed()) {
            return hidden(verdict);
        }
        List<Cell> shown = weeks.stream().filter(c -> !c.suppressed()).toList();
        Cell last = shown.get(shown.size() - 1);
        long enrolled = shown.stream().mapToLong(Cell::enrolled).max().orElse(0);
        Cell total = new Cell(last.week(), last.teamId(), enrolled, shown.stream().mapToLong(Cell::active).max().orElse(0),
                0, last.assessed(), add(weeks, Cell::assessmentsCompleted), add(weeks, Cell::routinesRecommended),
                add(weeks, Cell::remindersSent), add(weeks, Cell::breaksTaken), add(weeks, Cell::breaksSnoozed),
                add(weeks, Cell::breaksSkipped), add(weeks, Cell::remindersExpired), add(weeks, Cell::deliveryFailures),
                add(weeks, Cell::activeBreakMinutes), add(weeks, Cell::employeeDays), add(weeks, Cell::exerciseSessions),
                add(weeks, Cell::exerciseMinutes), false, null);
        Figures f = figures(total);
        // coverage over the window: the last shown week's (by the end of the period)
        return new Figures(false, null, f.enrolled(), f.active(), percent(last.assessed(), last.enrolled()),
                f.assessmentsCompleted(), f.remindersSent(), f.breaksTaken(), f.breaksSnoozed(), f.breaksSkipped(),
                f.remindersExpired(), f.deliveryFailures(), f.activeBreakMinutes(), f.breakUptakePercent(),
                f.exerciseSessions(), f.exerciseMinutes());
    }

    private static Figures hidden(Verdict verdict) {
        return new Figures(true, verdict.reason(), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /**
     * One published cell. Its uptake is a ratio of two of its own counts, so it stands or falls with them. No figure
     * here is set against the phase's active-minutes target: break minutes are a partial count of what people do, so
     * that target is compared with the standing and walking the sitting check-ins measure instead (sitting outcomes).
     */
    private static Figures figures(Cell c) {
        if (c == null || c.suppressed()) {
            return hidden(c == null ? new Verdict(true, null) : c.verdict());
        }
        return new Figures(false, null, c.enrolled(), c.active(), percent(c.assessed(), c.enrolled()),
                c.assessmentsCompleted(), c.remindersSent(), c.breaksTaken(), c.breaksSnoozed(), c.breaksSkipped(),
                c.remindersExpired(), c.deliveryFailures(), c.activeBreakMinutes(), uptake(c.breaksTaken(), c.remindersSent()),
                c.exerciseSessions(), c.exerciseMinutes());
    }

    private static Long uptake(long breaksTaken, long remindersSent) {
        return remindersSent == 0 ? null : Math.round(100.0 * breaksTaken / remindersSent);
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0L : Math.round(100.0 * part / whole);
    }

    static String isoWeek(LocalDate date) {
        return ClosedWeeks.isoWeek(date);
    }

    private static Phase phase(PhaseRow p) {
        return new Phase(p.number(), p.startWeek(), p.breakEveryMinutes(), p.dailyActiveMinutesTarget());
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

    /** Differences of visible figures only: a hidden week never leaks through a change. */
    private static Change change(Figures now, Figures before) {
        if (now == null || before == null || now.suppressed() || before.suppressed()) {
            return new Change(null, null, null, null, null, null);
        }
        Long uptake = now.breakUptakePercent() == null || before.breakUptakePercent() == null ? null
                : now.breakUptakePercent() - before.breakUptakePercent();
        return new Change(now.active() - before.active(), now.breaksTaken() - before.breaksTaken(),
                now.activeBreakMinutes() - before.activeBreakMinutes(), uptake,
                now.exerciseSessions() - before.exerciseSessions(), now.exerciseMinutes() - before.exerciseMinutes());
    }

    private static String key(String row, LocalDate week) {
        return row + "|" + week;
    }

    private static String name(TeamRow team) {
        return team.name() == null ? "team " + team.teamId().toString().substring(0, 8) : team.name();
    }
}
