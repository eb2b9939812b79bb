package io.upright.exercises;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds AssessmentCompleted records exactly as the assessments service's outbox relay publishes them. */
public final class AssessmentRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssessmentRecords() {
    }

    public static ProducerRecord<String, byte[]> completed(String ceId, String tenant, String key, UUID assessmentId,
                                                           UUID employeeId, List<String> findingCodes,
                                                           boolean clinicalReview) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", assessmentId.toString());
        body.put("employeeId", employeeId.toString());
        body.put("teamId", null);
        body.put("templateId", "workstation-basics");
        body.put("templateVersion", 1);
        body.put("method", "WORKSTATION_BASICS");
        body.put("score", 11);
        body.put("riskLevel", "HIGH");
        body.put("findingCodes", findingCodes);
        body.put("clinicalReview", clinicalReview);
        body.put("completedAt", Instant.now().toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_type", bytes("upright.assessments.assessment-completed.v1"));
        headers.add("ce_source", bytes("urn:upright:assessments"));
        headers.add("ce_subject", bytes(assessmentId.toString()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_tenant", bytes(tenant));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("content-type", bytes("application/json"));
        try {
            return new ProducerRecord<>("upright.assessments", null, key, JSON.writeValueAsBytes(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
