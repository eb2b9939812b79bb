package io.upright.insights.outcomes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What HR sees of a program's sitting outcomes: published rounds only, each figure k-anonymous or hidden with its reason. */
public final class SittingOutcomeViews {

    private SittingOutcomeViews() {
    }

    /** Mean minutes per workday of the figure's contributors. */
    public record WorkdayMinutes(@Schema(example = "312.5") double sitting, @Schema(example = "98.0") double standing,
                                 @Schema(example = "41.3") double walking) {
    }

    /** The mean of each contributor's own change (this check-in minus their baseline), with its 95 % confidence interval. */
    public record SittingChange(@Schema(example = "-38.4") double meanMinutes,
                                @Schema(description = "Null with a single contributor", example = "-55.1") Double ci95Low,
                                @Schema(description = "Null with a single contributor", example = "-21.7") Double ci95High) {
    }

    /** One group's figure in one round; every number is null when it is hidden. */
    public record SittingFigure(
            @Schema(description = "program or team", example = "team") String group,
            @Schema(description = "Null for the program's own figure") UUID teamId,
            String teamName,
            boolean suppressed,
            @Schema(description = "Why it is hidden", example = "fewer than 5 people answered both the baseline and this check-in") String reason,
            @Schema(description = "People who answered the baseline and this check-in, both for a week with work", example = "14") Integer contributors,
            WorkdayMinutes baseline,
            @Schema(description = "At this check-in") WorkdayMinutes now,
            SittingChange change,
            @Schema(description = "Share of contributors whose sitting fell by 30 minutes or more per workday", example = "0.43") Double shareSittingAtLeast30MinutesLess) {
    }

    /** One published round: a check-in (or the program's end), its window, and its figures as published then. */
    public record SittingRound(@Schema(example = "check-in-1") String period, Instant opensAt,
                               @Schema(description = "Answers that arrived by then count; the round never changes after") Instant closesAt,
                               Instant publishedAt, @Schema(description = "The k in force when it was published", example = "5") int threshold,
                               @Schema(description = "The target of standing and walking minutes per workday of the phase in "
                                       + "force at the close, to compare with now.standing + now.walking", example = "120")
                               Integer standingAndWalkingTargetMinutes,
                               SittingFigure program, List<SittingFigure> teams) {
    }

    /** A published figure from the research, to read the program's change against. Not a promise. */
    public record Reference(String source, String figure, String note) {
    }

    public record ProgramSittingOutcomes(UUID programId,
                                         @Schema(description = "How the figures are computed, in a sentence HR can quote") String method,
                                         @Schema(description = "When the next round is published, if the program still runs") Instant nextRoundClosesAt,
                                         List<SittingRound> rounds, List<Reference> references) {
    }
}
