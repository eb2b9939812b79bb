package io.upright.assessments.assessment;

import io.upright.assessments.assessment.ReassessmentDelta.Outcome;
import io.upright.assessments.assessment.ReassessmentDelta.SectionChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReassessmentDeltaTest {

    private static final UUID BEFORE = UUID.randomUUID();
    private static final UUID NOW = UUID.randomUUID();
    private static final Instant MARCH = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-01T10:00:00Z");

    private static Map<String, Integer> rosaSections(int chair, int monitorTelephone, int mouseKeyboard) {
        Map<String, Integer> sections = new LinkedHashMap<>();
        sections.put("chair", chair);
        sections.put("monitor-telephone", monitorTelephone);
        sections.put("mouse-keyboard", mouseKeyboard);
        return sections;
    }

    @Test
    void a_better_rosa_workstation_reports_negative_changes_per_section_and_the_resolved_findings() {
        Outcome previous = new Outcome(BEFORE, 1, MARCH, 5, "HIGH", rosaSections(5, 4, 5),
                List.of("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "MONITOR_POSITION", "MOUSE_POSITION"));
        Outcome current = new Outcome(NOW, 2, JUNE, 3, "MODERATE", rosaSections(3, 4, 2),
                List.of("MONITOR_POSITION", "KEYBOARD_POSTURE"));

        ReassessmentDelta delta = ReassessmentDelta.between(previous, current);

        assertThat(delta.previousAssessmentId()).isEqualTo(BEFORE);
        assertThat(delta.previousTemplateVersion()).isEqualTo(1);
        assertThat(delta.previousSubmittedAt()).isEqualTo(MARCH);
        assertThat(delta.previousScore()).isEqualTo(5);
        assertThat(delta.previousRiskLevel()).isEqualTo("HIGH");
        assertThat(delta.scoreChange()).isEqualTo(-2);
        assertThat(delta.sections()).containsExactly(
                new SectionChange("chair", 5, 3, -2),
                new SectionChange("monitor-telephone", 4, 4, 0),
                new SectionChange("mouse-keyboard", 5, 2, -3));
        assertThat(delta.resolvedFindings()).containsExactly("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "MOUSE_POSITION");
        assertThat(delta.newFindings()).containsExactly("KEYBOARD_POSTURE");
    }

    @Test
    void a_worse_workstation_basics_result_reports_positive_changes_and_a_new_red_flag() {
        Map<String, Integer> before = new LinkedHashMap<>(Map.of("setup", 2));
        before.put("habits", 0);
        before.put("comfort", 0);
        Map<String, Integer> after = new LinkedHashMap<>(Map.of("setup", 2));
        after.put("habits", 5);
        after.put("comfort", 3);
        ReassessmentDelta delta = ReassessmentDelta.between(
                new Outcome(BEFORE, 2, MARCH, 2, "LOW", before, List.of("MONITOR_TOO_LOW")),
                new Outcome(NOW, 2, JUNE, 10, "HIGH", after, List.of("RED_FLAG_SEEK_CLINICIAN", "MONITOR_TOO_LOW",
                        "PROLONGED_SITTING", "INFREQUENT_BREAKS", "LOW_BACK_DISCOMFORT")));
        assertThat(delta.scoreChange()).isEqualTo(8);
        assertThat(delta.sections()).extracting(SectionChange::change).containsExactly(0, 5, 3);
        assertThat(delta.resolvedFindings()).isEmpty();
        assertThat(delta.newFindings()).containsExactly("RED_FLAG_SEEK_CLINICIAN", "PROLONGED_SITTING",
                "INFREQUENT_BREAKS", "LOW_BACK_DISCOMFORT");
    }

    @Test
    void the_same_result_twice_changes_nothing() {
        Outcome once = new Outcome(BEFORE, 2, MARCH, 4, "MODERATE", rosaSections(3, 2, 2), List.of("CHAIR_ARMRESTS"));
        Outcome again = new Outcome(NOW, 2, JUNE, 4, "MODERATE", rosaSections(3, 2, 2), List.of("CHAIR_ARMRESTS"));
        ReassessmentDelta delta = ReassessmentDelta.between(once, again);
        assertThat(delta.scoreChange()).isZero();
        assertThat(delta.sections()).extracting(SectionChange::change).containsOnly(0);
        assertThat(delta.resolvedFindings()).isEmpty();
        assertThat(delta.newFindings()).isEmpty();
    }

    @Test
    void a_section_only_one_side_scored_has_no_change_and_a_result_stored_without_sections_still_compares_findings() {
        Map<String, Integer> withExtra = rosaSections(2, 1, 1);
        withExtra.put("extra", 4);
        ReassessmentDelta delta = ReassessmentDelta.between(
                new Outcome(BEFORE, 1, MARCH, 3, "MODERATE", withExtra, List.of()),
                new Outcome(NOW, 2, JUNE, 2, "LOW", rosaSections(2, 1, 1), List.of()));
        assertThat(delta.sections()).last().isEqualTo(new SectionChange("extra", 4, null, null));

        // results submitted before section scores were stored read them as null
        ReassessmentDelta legacy = ReassessmentDelta.between(
                new Outcome(BEFORE, 1, MARCH, 3, "MODERATE", null, List.of("CHAIR_ARMRESTS")),
                new Outcome(NOW, 2, JUNE, 2, "LOW", rosaSections(2, 1, 1), List.of()));
        assertThat(legacy.sections()).containsExactly(new SectionChange("chair", null, 2, null),
                new SectionChange("monitor-telephone", null, 1, null), new SectionChange("mouse-keyboard", null, 1, null));
        assertThat(legacy.resolvedFindings()).containsExactly("CHAIR_ARMRESTS");
    }
}
