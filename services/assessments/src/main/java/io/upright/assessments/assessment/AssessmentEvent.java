package io.upright.assessments.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What happened to one desk assessment, as stored in the assessments event store. */
public sealed interface AssessmentEvent {

    record Started(UUID assessmentId, UUID employeeId, String templateId, int templateVersion, Instant startedAt)
            implements AssessmentEvent {
    }

    /** Answers merged into the ones saved before; values are already normalised by the template. */
    record AnswersSaved(UUID assessmentId, Map<String, Object> answers, Instant savedAt) implements AssessmentEvent {
    }

    /** The scored outcome; explanations are looked up from the finding codes when read. */
    record Submitted(UUID assessmentId, String method, int score, String riskLevel, List<String> findingCodes,
                     boolean clinicalReview, Instant submittedAt) implements AssessmentEvent {
    }
}
