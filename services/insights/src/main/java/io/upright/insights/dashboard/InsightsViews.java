package io.upright.insights.dashboard;

import io.upright.insights.programs.ProgramViews.FindingCount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the dashboard API returns. No view ever names or identifies an employee. */
public final class InsightsViews {

    private InsightsViews() {
    }

    @Schema(name = "TeamInsight", description = "One team's figures over every published (closed) week. When suppressed "
            + "is true every figure is null: a team is shown only when none of its published weeks is hidden.")
    public record TeamInsight(
            UUID teamId,
            @Schema(example = "Finance") String teamName,
            @Schema(example = "false") boolean suppressed,
            @Schema(example = "fewer than 5 people", nullable = true) String reason,
            @Schema(description = "The most people enrolled in any published week", example = "12", nullable = true) Long enrolled,
            @Schema(description = "Completed assessments of the team's members, repeats included", example = "14", nullable = true)
            Long assessmentsCompleted,
            @Schema(description = "People by the risk level of their latest (non-ROSA) assessment as of the risk snapshot; "
                    + "a count is a number only when it and the rest are both at least k, else a band label; null when "
                    + "fewer than k people are assessed (see riskReason)",
                    example = "{\"LOW\": 6, \"MODERATE\": \"fewer than 5\", \"HIGH\": \"fewer than 5\"}", nullable = true)
            Map<String, Object> riskDistribution,
            @Schema(description = "People by ROSA band (1-2, 3-4, 5+), banded the same way", nullable = true)
            Map<String, Object> rosaBands,
            @Schema(description = "The five most frequent findings over each member's latest assessment", nullable = true)
            List<FindingCount> topFindings,
            @Schema(example = "9", nullable = true) Long routinesRecommended,
            @Schema(example = "240", nullable = true) Long remindersSent,
            @Schema(example = "171", nullable = true) Long breaksTaken,
            @Schema(example = "610", nullable = true) Long activeBreakMinutes,
            @Schema(example = "37", nullable = true) Long exerciseSessions,
            @Schema(example = "296", nullable = true) Long exerciseMinutes,
            @Schema(description = "Why riskDistribution and topFindings are null while the team is shown: fewer than k "
                    + "people assessed, or hidden so that another team's cannot be worked out",
                    example = "fewer than 5 people assessed", nullable = true) String riskReason) {
    }

    @Schema(name = "InsightsOverview", description = "Tenant totals, computed over the visible teams only "
            + "(scope = visible-teams): suppressed teams contribute nothing, so nothing about them can be recovered")
    public record Overview(
            @Schema(example = "visible-teams") String scope,
            @Schema(example = "5") int anonymityThreshold,
            @Schema(description = "All teams of the tenant", example = "6") int teams,
            @Schema(example = "4") int teamsVisible,
            @Schema(example = "2") int teamsSuppressed,
            @Schema(description = "True when no team is visible; every figure is then null", example = "false") boolean suppressed,
            @Schema(nullable = true) String reason,
            @Schema(example = "48", nullable = true) Long enrolled,
            @Schema(example = "51", nullable = true) Long assessmentsCompleted,
            @Schema(description = "Over the visible teams whose own risk distribution is shown",
                    example = "{\"LOW\": 25, \"MODERATE\": 17, \"HIGH\": 6}", nullable = true) Map<String, Long> riskDistribution,
            @Schema(nullable = true) List<FindingCount> topFindings,
            @Schema(example = "40", nullable = true) Long routinesRecommended,
            @Schema(example = "960", nullable = true) Long remindersSent,
            @Schema(example = "702", nullable = true) Long breaksTaken,
            @Schema(example = "2480", nullable = true) Long activeBreakMinutes,
            @Schema(example = "150", nullable = true) Long exerciseSessions,
            @Schema(example = "1190", nullable = true) Long exerciseMinutes,
            @Schema(description = "riskDistribution and topFindings add up only the teams whose own are shown; "
                    + "null with this reason when there is none", nullable = true) String riskReason) {
    }
}
