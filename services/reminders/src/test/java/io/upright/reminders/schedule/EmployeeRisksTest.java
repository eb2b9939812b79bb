package io.upright.reminders.schedule;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.FindingCodes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EmployeeRisksTest {

    private static AssessmentCompleted result(String method, int score, List<String> findings) {
        return new AssessmentCompleted(UUID.randomUUID(), UUID.randomUUID(), null, "t", 1, method, score, "low", findings, false,
                Instant.now());
    }

    @Test
    void a_rosa_result_with_prolonged_sitting_is_high_risk_whatever_its_score() {
        assertThat(EmployeeRisks.highRisk(result("ROSA", 3, List.of(FindingCodes.PROLONGED_SITTING)))).isTrue();
        assertThat(EmployeeRisks.highRisk(result("ROSA", 5, List.of()))).isTrue();
        assertThat(EmployeeRisks.highRisk(result("ROSA", 4, List.of()))).isFalse();
        assertThat(EmployeeRisks.highRisk(result("checklist", 9, List.of()))).isFalse();
    }

    @Test
    void the_latest_result_of_each_method_counts() {
        assertThat(EmployeeRisks.method(result("ROSA", 3, List.of()))).isEqualTo("rosa");
        assertThat(EmployeeRisks.method(result(null, 3, List.of()))).isEqualTo("unknown");
        // ROSA found prolonged sitting; a newer checklist that does not ask about sitting does not wipe it out
        assertThat(EmployeeRisks.combined(Map.of("rosa", true, "checklist", false))).isTrue();
        assertThat(EmployeeRisks.combined(Map.of("rosa", false, "checklist", false))).isFalse();
        assertThat(EmployeeRisks.combined(Map.of())).isFalse();
    }
}
