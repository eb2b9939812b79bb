package io.upright.platform.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a redrive of every pending dead letter did. */
@Schema(name = "RedriveReport", description = "What a redrive of every pending dead letter did, record by record")
public record RedriveReport(
        @Schema(description = "Pending records redriven", example = "3") int redriven,
        @Schema(description = "Applied now", example = "1") int applied,
        @Schema(description = "Found already applied: nothing happened", example = "1") int alreadyApplied,
        @Schema(description = "Failed again; they stay pending", example = "1") int failedAgain,
        @Schema(description = "One outcome per redriven record, in partition and offset order") List<RedriveOutcome> outcomes) {

    static RedriveReport of(List<RedriveOutcome> outcomes) {
        int applied = 0;
        int already = 0;
        int failed = 0;
        for (RedriveOutcome outcome : outcomes) {
            switch (outcome.outcome()) {
                case APPLIED:
                    applied++;
                    break;
                case ALREADY_APPLIED:
                    already++;
                    break;
                default:
                    failed++;
            }
        }
        return new RedriveReport(outcomes.size(), applied, already, failed, List.copyOf(outcomes));
    }
}
