package io.upright.assessments.assessment;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What happened to one desk assessment, as stored in the assessments event store. */
public sealed interface AssessmentEvent {

    @EventName("Started")
    record Started(UUID assessmentId, UUID employeeId, String templateId, int templateVersion, Instant startedAt)
            implements AssessmentEvent {
    }

    /** Answers merged into the ones saved before; values are already normalised by the template. */
    @EventName("AnswersSaved")
    record AnswersSaved(UUID assessmentId, Map<String, Object> answers, Instant savedAt) implements AssessmentEvent {
    }

    /**
     * The scored outcome; explanations are looked up from the finding codes when read. {@code sectionScores}
     * (points per template section) and {@code delta} (against the previous submitted assessment of the same
     * template id, null for a first assessment) were added later: events stored before read them as null. So were
     * {@code precautions} (the {@link io.upright.contracts.assessments.Precautions} codes the answers raised), read
     * as empty when absent. The urgency of a red flag is deliberately not stored here: it is worked out from the
     * answers when the employee reads their own result, so no event ever carries it.
     */
    @EventName("Submitted")
    record Submitted(UUID assessmentId, String method, int score, String riskLevel, List<String> findingCodes,
                     boolean clinicalReview, Instant submittedAt, Map<String, Integer> sectionScores,
                     ReassessmentDelta delta, List<String> precautions) implements AssessmentEvent {

        public Submitted {
            precautions = precautions == null ? List.of() : List.copyOf(precautions);
        }

        /** The outcome as the next re-assessment compares against it. */
        public ReassessmentDelta.Outcome outcome(int templateVersion) {
            return new ReassessmentDelta.Outcome(assessmentId, templateVersion, submittedAt, score, riskLevel,
                    sectionScores, findingCodes);
        }
    }
}
