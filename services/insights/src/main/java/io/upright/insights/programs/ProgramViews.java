package io.upright.insights.programs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the program endpoints, the CSV and the dashboard page show. Nothing here describes one employee. */
public final class ProgramViews {

    private ProgramViews() {
    }

    // shared with the team figures of the dashboard API (the dashboard package builds on this one)
    @Schema(name = "FindingCount", description = "How many people's latest assessment raised this finding: a number, "
            + "or a band label (\"fewer than 5\", \"all but fewer than 5\", \"hidden so a smaller group cannot be worked out\")")
    public record FindingCount(@Schema(example = "SCREEN_TOO_LOW") String code,
                               @Schema(example = "7", description = "a number, or a band label instead of one") Object count) {
    }

    @Schema(name = "PendingWeek", description = "A week of the program not published yet: it shows no figures")
    public record PendingWeek(@Schema(example = "2026-W49") String week, @Schema(example = "2026-11-30") LocalDate weekStart,
                              @Schema(example = "week not closed yet") String status,
                              @Schema(description = "When its figures are published") Instant publishedFrom) {
    }

    @Schema(name = "ProgramSummary")
    public record ProgramSummary(
            UUID programId,
            @Schema(example = "Stand up, Berlin") String title,
            @Schema(example = "launched", enumeration = {"launched", "paused", "ended"}) String status,
            @Schema(example = "2026-11-02") LocalDate startsOn,
            @Schema(example = "3") int teams,
            @Schema(example = "2", nullable = true) Integer currentPhase,
            Instant launchedAt) {
    }

    @Schema(name = "ProgramPhaseView")
    public record Phase(@Schema(example = "2") int number, @Schema(example = "3") int startWeek,
                        @Schema(example = "30") int breakEveryMinutes,
                        @Schema(description = "The phase's target of standing and walking minutes per workday: compared "
                                + "with what the sitting check-ins measure (sitting outcomes), never with break minutes",
                                example = "120") int dailyActiveMinutesTarget) {
    }

    @Schema(name = "ProgramFigures", description = "Figures of one group of people (a team or the program, over one "
            + "published week or over all weeks shown). When suppressed is true every figure is null. Over several weeks, "
            + "enrolled and active are the highest weekly figures and coverage is the last week's.")
    public record Figures(
            @Schema(example = "false") boolean suppressed,
            @Schema(example = "fewer than 5 people active", nullable = true) String reason,
            @Schema(description = "People enrolled at some point of the period", example = "12", nullable = true) Long enrolled,
            @Schema(description = "People who did anything themselves (a break, a snooze or skip, an assessment, an exercise)",
                    example = "9", nullable = true) Long active,
            @Schema(description = "Share of the enrolled with a completed assessment by the end of the period, in percent",
                    example = "75", nullable = true) Long assessmentCoveragePercent,
            @Schema(example = "10", nullable = true) Long assessmentsCompleted,
            @Schema(example = "240", nullable = true) Long remindersSent,
            @Schema(example = "171", nullable = true) Long breaksTaken,
            @Schema(example = "20", nullable = true) Long breaksSnoozed,
            @Schema(example = "31", nullable = true) Long breaksSkipped,
            @Schema(example = "4", nullable = true) Long remindersExpired,
            @Schema(example = "1", nullable = true) Long deliveryFailures,
            @Schema(example = "610", nullable = true) Long activeBreakMinutes,
            @Schema(description = "Breaks taken as a share of the break reminders sent, in percent: both are counted by "
                    + "Upright, so the figure is what it says (it can pass 100 when people take breaks unprompted); null when "
                    + "no reminder was sent", example = "71", nullable = true)
            Long breakUptakePercent,
            @Schema(example = "37", nullable = true) Long exerciseSessions,
            @Schema(example = "296", nullable = true) Long exerciseMinutes) {
    }

    @Schema(name = "WeekOverWeek", description = "Latest week minus the week before; null when either week is suppressed")
    public record Change(
            @Schema(nullable = true, example = "2") Long active,
            @Schema(nullable = true, example = "-5") Long breaksTaken,
            @Schema(nullable = true, example = "40") Long activeBreakMinutes,
            @Schema(description = "Change of breakUptakePercent, in points", nullable = true, example = "4") Long breakUptakePercent,
            @Schema(nullable = true, example = "3") Long exerciseSessions,
            @Schema(nullable = true, example = "12") Long exerciseMinutes) {
    }

    @Schema(name = "ProgramWeek")
    public record Week(
            @Schema(description = "ISO week", example = "2026-W48") String week,
            @Schema(example = "2026-11-23") LocalDate weekStart,
            @Schema(description = "1 = the program's first week", example = "4") int programWeek,
            @Schema(nullable = true, example = "2") Integer phase,
            Figures figures) {
    }

    @Schema(name = "RiskBreakdown", description = "Latest assessment of each current member as of the last risk snapshot. "
            + "Shown only when at least k people are assessed in the group (and no hidden team could be worked out from it); "
            + "suppressed → all null. A count c of n is a number only when c ≥ k and n − c ≥ k, else a band label.")
    public record Risk(
            @Schema(example = "false") boolean suppressed,
            @Schema(nullable = true) String reason,
            @Schema(description = "People with a latest assessment", example = "11", nullable = true) Long assessed,
            @Schema(description = "ROSA scores: 1-2, 3-4 and 5+ (act now)", example = "{\"1-2\": 3, \"3-4\": 2, \"5+\": 1}", nullable = true)
            Map<String, Object> rosaBands,
            @Schema(description = "Workstation-basics risk levels", example = "{\"LOW\": 3, \"MODERATE\": 1, \"HIGH\": 1}", nullable = true)
            Map<String, Object> workstationRiskLevels,
            @Schema(nullable = true) List<FindingCount> topFindings) {
    }

    @Schema(name = "ProgramTeam")
    public record Team(
            UUID teamId,
            @Schema(example = "Finance") String teamName,
            @Schema(description = "Over all weeks shown") Figures figures,
            @Schema(description = "The latest week shown", nullable = true) Figures latestWeek,
            Change weekOverWeek,
            Risk risk) {
    }

    @Schema(name = "ProgramInsight")
    public record ProgramInsight(
            UUID programId,
            @Schema(example = "Stand up, Berlin") String title,
            @Schema(example = "launched") String status,
            LocalDate startsOn,
            @Schema(nullable = true) Phase currentPhase,
            List<Phase> phases,
            @Schema(example = "5") int anonymityThreshold,
            @Schema(description = "How a suppressed figure is written in the CSV", example = "suppressed (fewer than 5 people active)")
            String suppressedLabel,
            @Schema(description = "The published (closed) ISO weeks shown, oldest first", example = "[\"2026-W47\", \"2026-W48\"]") List<String> weeks,
            @Schema(description = "Weeks of the program not published yet (the open week): no figures") List<PendingWeek> pendingWeeks,
            @Schema(description = "The program over all weeks shown") Figures overview,
            @Schema(description = "The program in the latest week shown", nullable = true) Figures latestWeek,
            Change weekOverWeek,
            @Schema(description = "Teams ordered by name") List<Team> teams,
            @Schema(description = "The program week by week, oldest first") List<Week> trend,
            Risk risk,
            @Schema(description = "When the risk and findings shown were published", nullable = true) Instant riskPublishedAt) {
    }
}
