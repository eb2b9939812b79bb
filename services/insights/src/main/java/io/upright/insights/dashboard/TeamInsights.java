package io.upright.insights.dashboard;

import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.anonymity.WeeklyCells;
import io.upright.insights.anonymity.WeeklyCells.Part;
import io.upright.insights.dashboard.InsightsViews.Overview;
import io.upright.insights.dashboard.InsightsViews.TeamInsight;
import io.upright.insights.programs.ProgramInsights;
import io.upright.insights.programs.ProgramInsights.PublishedRisk;
import io.upright.insights.programs.ProgramViews.FindingCount;
import io.upright.insights.programs.ProgramViews.Risk;
import io.upright.insights.settings.TenantSettings;
import io.upright.insights.snapshots.WeekSnapshots;
import io.upright.insights.snapshots.WeekSnapshots.Cell;
import io.upright.insights.snapshots.WeekSnapshots.PublishedWeek;
import io.upright.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The team figures of {@code /api/insights/teams} and {@code /api/insights/overview}: each team over every
 * published week, built from the same immutable cells as the program pages. A team's total is shown only when
 * none of its published weeks is hidden, so it never differs from a shown sum by a hidden cell, and nothing
 * live (a new event, a departure, an erasure) moves it before the next week is published. Risk and findings are
 * the published risk snapshot's rows.
 */
@ApplicationScoped
public class TeamInsights {

    static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH");
    static final int TOP_FINDINGS = 5;
    static final String SCOPE_VISIBLE_TEAMS = "visible-teams";

    /** A team over every published week; {@code cells} null when hidden. */
    private record TeamTotal(UUID teamId, String name, Verdict verdict, long enrolled, long assessmentsCompleted,
                             long routinesRecommended, long remindersSent, long breaksTaken, long activeBreakMinutes,
                             long exerciseSessions, long exerciseMinutes) {
    }

    @Inject
    WeekSnapshots weeks;

    @Inject
    TenantSettings settings;

    @Inject
    ProgramInsights programs;

    public Page<TeamInsight> teams(String tenant, int page, int size) {
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<TeamTotal> all = totals(tenant, policy);
        PublishedRisk risk = programs.publishedRisk(tenant);
        Verdict tooFewAssessed = new Verdict(true, policy.tooFewAssessedReason());
        List<TeamInsight> items = all.stream()
                .skip((long) page * size)
                .limit(size)
                .map(team -> view(team, risk.teams().get(team.teamId().toString()), tooFewAssessed))
                .toList();
        return new Page<>(items, page, size, all.size());
    }

    /** Tenant totals over the visible teams only: a hidden team contributes nothing, not even its size. */
    public Overview overview(String tenant) {
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<TeamTotal> all = totals(tenant, policy);
        List<TeamTotal> visible = all.stream().filter(t -> !t.verdict().suppressed()).toList();
        int suppressed = all.size() - visible.size();
        if (visible.isEmpty()) {
            return new Overview(SCOPE_VISIBLE_TEAMS, policy.threshold(), all.size(), 0, suppressed, true,
                    policy.nothingVisibleReason(), null, null, null, null, null, null, null, null, null, null, null);
        }
        // risk adds up only rows shown in full on /teams (no banded count), so it is a sum of shown numbers
        PublishedRisk risk = programs.publishedRisk(tenant);
        Map<String, Long> levels = new HashMap<>();
        Map<String, Long> findings = new HashMap<>();
        int added = 0;
        for (TeamTotal team : visible) {
            Risk r = risk.teams().get(team.teamId().toString());
            if (r == null || r.suppressed() || !allNumbers(r)) {
                continue;
            }
            added++;
            r.workstationRiskLevels().forEach((level, n) -> levels.merge(level, ((Number) n).longValue(), Long::sum));
            r.topFindings().forEach(f -> findings.merge(f.code(), ((Number) f.count()).longValue(), Long::sum));
        }
        boolean noRisk = added == 0;
        return new Overview(SCOPE_VISIBLE_TEAMS, policy.threshold(), all.size(), visible.size(), suppressed, false, null,
                sum(visible, TeamTotal::enrolled),
                sum(visible, TeamTotal::assessmentsCompleted),
                noRisk ? null : distribution(levels),
                noRisk ? null : top(findings),
                sum(visible, TeamTotal::routinesRecommended),
                sum(visible, TeamTotal::remindersSent),
                sum(visible, TeamTotal::breaksTaken),
                sum(visible, TeamTotal::activeBreakMinutes),
                sum(visible, TeamTotal::exerciseSessions),
                sum(visible, TeamTotal::exerciseMinutes),
                noRisk ? policy.nothingAssessedVisibleReason() : null);
    }

    private List<TeamTotal> totals(String tenant, AnonymityPolicy policy) {
        weeks.publishClosedWeeks(tenant);
        List<PublishedWeek> published = weeks.publishedWeeks(tenant);
        Map<UUID, List<Cell>> byTeam = new LinkedHashMap<>();
        if (!published.isEmpty()) {
            for (Cell cell : weeks.cells(tenant, published.get(0).week(), published.get(published.size() - 1).week())) {
                byTeam.computeIfAbsent(cell.teamId(), t -> new ArrayList<>()).add(cell);
            }
        }
        WeeklyCells rules = new WeeklyCells(policy);
        List<TeamTotal> totals = new ArrayList<>();
        weeks.teams(tenant).forEach((teamId, name) -> {
            List<Cell> cells = byTeam.getOrDefault(teamId, List.of());
            Verdict verdict = cells.isEmpty() ? new Verdict(true, policy.noPublishedWeekReason())
                    : rules.overWeeks(cells.stream().map(c -> new Part(c.verdict(), c.empty())).toList());
            String shownName = name == null ? "team " + teamId.toString().substring(0, 8) : name;
            totals.add(new TeamTotal(teamId, shownName, verdict,
                    cells.stream().filter(c -> !c.suppressed()).mapToLong(Cell::enrolled).max().orElse(0),
                    add(cells, Cell::assessmentsCompleted), add(cells, Cell::routinesRecommended),
                    add(cells, Cell::remindersSent), add(cells, Cell::breaksTaken), add(cells, Cell::activeBreakMinutes),
                    add(cells, Cell::exerciseSessions), add(cells, Cell::exerciseMinutes)));
        });
        totals.sort(Comparator.comparing((TeamTotal t) -> t.name().toLowerCase(Locale.ROOT))
                .thenComparing(TeamTotal::name).thenComparing(t -> t.teamId().toString()));
        return totals;
    }

    private static boolean allNumbers(Risk risk) {
        return risk.workstationRiskLevels().values().stream().allMatch(v -> v instanceof Number)
                && risk.rosaBands().values().stream().allMatch(v -> v instanceof Number)
                && risk.topFindings().stream().allMatch(f -> f.count() instanceof Number);
    }

    private static TeamInsight view(TeamTotal team, Risk risk, Verdict tooFewAssessed) {
        if (team.verdict().suppressed()) {
            return new TeamInsight(team.teamId(), team.name(), true, team.verdict().reason(),
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }
        // the risk rows are the published snapshot's, decided tenant-wide with the program pages
        Risk shown = risk == null ? new Risk(true, tooFewAssessed.reason(), null, null, null, null) : risk;
        boolean riskShown = !shown.suppressed();
        return new TeamInsight(team.teamId(), team.name(), false, null,
                team.enrolled(), team.assessmentsCompleted(), riskShown ? shown.workstationRiskLevels() : null,
                riskShown ? shown.rosaBands() : null, riskShown ? shown.topFindings() : null,
                team.routinesRecommended(), team.remindersSent(), team.breaksTaken(), team.activeBreakMinutes(),
                team.exerciseSessions(), team.exerciseMinutes(), riskShown ? null : shown.reason());
    }

    private static Map<String, Long> distribution(Map<String, Long> counts) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        RISK_LEVELS.forEach(level -> distribution.put(level, counts.getOrDefault(level, 0L)));
        return distribution;
    }

    /** Most frequent first; ties by code so the list is stable. */
    private static List<FindingCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FINDINGS)
                .map(e -> new FindingCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static long add(List<Cell> cells, ToLongFunction<Cell> figure) {
        return cells.stream().mapToLong(figure).sum();
    }

    private static long sum(List<TeamTotal> teams, ToLongFunction<TeamTotal> figure) {
        return teams.stream().mapToLong(figure).sum();
    }
}
