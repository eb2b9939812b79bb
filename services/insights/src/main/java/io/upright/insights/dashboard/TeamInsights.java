package io.upright.insights.dashboard;

import io.upright.insights.programs.ProgramViews.FindingCount;
import io.upright.insights.dashboard.InsightsViews.Overview;
import io.upright.insights.dashboard.InsightsViews.TeamInsight;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.programs.ProgramInsights;
import io.upright.insights.settings.TenantSettings;
import io.upright.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The HR dashboard's figures: raw team figures of one tenant, passed through the {@link AnonymityPolicy}
 * before anything is shaped for the API. Suppression is decided over all of the tenant's teams at once (the
 * complementary rule needs them all), then the requested page is cut.
 */
@ApplicationScoped
public class TeamInsights {

    static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH");
    static final int TOP_FINDINGS = 5;
    static final String SCOPE_VISIBLE_TEAMS = "visible-teams";

    private static final Comparator<TeamFigures> BY_NAME = Comparator
            .comparing((TeamFigures t) -> t.teamName().toLowerCase(Locale.ROOT))
            .thenComparing(TeamFigures::teamName)
            .thenComparing(t -> t.teamId().toString());

    @Inject
    InsightsQueries queries;

    @Inject
    TenantSettings settings;

    @Inject
    ProgramInsights programs;

    public Page<TeamInsight> teams(String tenant, int page, int size) {
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<TeamFigures> all = queries.teams(tenant).stream().sorted(BY_NAME).toList();
        Map<String, Verdict> verdicts = policy.assess(groups(all));
        Map<String, Verdict> risks = programs.riskVerdicts(tenant).parts();
        Verdict tooFewAssessed = new Verdict(true, policy.tooFewAssessedReason());
        List<TeamInsight> items = all.stream()
                .skip((long) page * size)
                .limit(size)
                .map(team -> view(team, verdicts.get(team.teamId().toString()),
                        risks.getOrDefault(team.teamId().toString(), tooFewAssessed)))
                .toList();
        return new Page<>(items, page, size, all.size());
    }

    /** Tenant totals over the visible teams only: a suppressed team contributes nothing, not even its size. */
    public Overview overview(String tenant) {
        AnonymityPolicy policy = settings.policyFor(tenant);
        List<TeamFigures> all = queries.teams(tenant);
        Map<String, Verdict> verdicts = policy.assess(groups(all));
        List<TeamFigures> visible = all.stream().filter(t -> !verdicts.get(t.teamId().toString()).suppressed()).toList();
        int suppressed = all.size() - visible.size();
        if (visible.isEmpty()) {
            return new Overview(SCOPE_VISIBLE_TEAMS, policy.threshold(), all.size(), 0, suppressed, true,
                    policy.nothingVisibleReason(), null, null, null, null, null, null, null, null, null, null, null);
        }
        // risk adds up only the rows shown on /teams, so it tells nothing a hidden row would
        Map<String, Verdict> riskVerdicts = programs.riskVerdicts(tenant).parts();
        List<TeamFigures> riskVisible = visible.stream()
                .filter(t -> riskVerdicts.containsKey(t.teamId().toString()) && !riskVerdicts.get(t.teamId().toString()).suppressed())
                .toList();
        Map<String, Long> risks = new HashMap<>();
        Map<String, Long> findings = new HashMap<>();
        riskVisible.forEach(t -> {
            t.latestRiskLevels().forEach((level, n) -> risks.merge(level, n, Long::sum));
            t.latestFindings().forEach((code, n) -> findings.merge(code, n, Long::sum));
        });
        boolean noRisk = riskVisible.isEmpty();
        return new Overview(SCOPE_VISIBLE_TEAMS, policy.threshold(), all.size(), visible.size(), suppressed, false, null,
                sum(visible, TeamFigures::enrolled),
                sum(visible, TeamFigures::assessmentsCompleted),
                noRisk ? null : distribution(risks),
                noRisk ? null : top(findings),
                sum(visible, TeamFigures::routinesRecommended),
                sum(visible, TeamFigures::remindersSent),
                sum(visible, TeamFigures::breaksTaken),
                sum(visible, TeamFigures::activeBreakMinutes),
                sum(visible, TeamFigures::exerciseSessions),
                sum(visible, TeamFigures::exerciseMinutes),
                noRisk ? policy.nothingAssessedVisibleReason() : null);
    }

    private static List<AnonymityPolicy.Group> groups(List<TeamFigures> teams) {
        return teams.stream()
                .map(t -> new AnonymityPolicy.Group(t.teamId().toString(), t.teamName(), t.enrolled()))
                .toList();
    }

    private static TeamInsight view(TeamFigures team, Verdict verdict, Verdict risk) {
        if (verdict.suppressed()) {
            return new TeamInsight(team.teamId(), team.teamName(), true, verdict.reason(),
                    null, null, null, null, null, null, null, null, null, null, null);
        }
        // the risk rows follow the tenant-wide breakdown rule (people assessed), shared with the program page
        boolean riskShown = !risk.suppressed();
        return new TeamInsight(team.teamId(), team.teamName(), false, null,
                team.enrolled(), team.assessmentsCompleted(), riskShown ? distribution(team.latestRiskLevels()) : null,
                riskShown ? top(team.latestFindings()) : null, team.routinesRecommended(), team.remindersSent(),
                team.breaksTaken(), team.activeBreakMinutes(), team.exerciseSessions(), team.exerciseMinutes(),
                riskShown ? null : risk.reason());
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

    private static long sum(List<TeamFigures> teams, ToLongFunction<TeamFigures> figure) {
        return teams.stream().mapToLong(figure).sum();
    }
}
