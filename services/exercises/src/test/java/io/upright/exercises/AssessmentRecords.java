package io.upright.exercises;

import io.upright.contracts.EventCatalog;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.localinfra.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds AssessmentCompleted records exactly as the assessments service's outbox relay publishes them. */
public final class AssessmentRecords {

    private AssessmentRecords() {
    }

    public static ProducerRecord<String, byte[]> completed(String ceId, String tenant, String key, UUID assessmentId,
                                                           UUID employeeId, List<String> findingCodes,
                                                           boolean clinicalReview) {
        AssessmentCompleted completed = new AssessmentCompleted(assessmentId, employeeId, null, "workstation-basics", 1,
                "WORKSTATION_BASICS", 11, "HIGH", findingCodes, clinicalReview, Instant.now());
        return CloudEventRecords.record(EventCatalog.ASSESSMENT_COMPLETED, key, ceId, assessmentId.toString(), tenant,
                completed);
    }
}
