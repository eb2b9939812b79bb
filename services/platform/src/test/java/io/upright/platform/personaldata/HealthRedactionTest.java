package io.upright.platform.personaldata;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRedactionTest {

    @Test
    void health_sections_and_fields_are_left_out_at_any_depth_and_the_note_says_so() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("teamId", "t-1");
        data.put("assessments", List.of(Map.of("answers", Map.of("discomfortWhenSitting", 6))));
        data.put("sessions", List.of(Map.of("minutes", 6, "feltRating", 2, "routineId", "hip-flexor-reset")));

        Map<String, Object> forAdmin = HealthRedaction.forSomeoneElse(data, Set.of("assessments", "feltRating", "routineId"));

        assertThat(forAdmin).containsEntry("teamId", "t-1").doesNotContainKey("assessments");
        assertThat(forAdmin.get("sessions")).isEqualTo(List.of(Map.of("minutes", 6)));
        assertThat(forAdmin.toString()).doesNotContain("discomfort", "hip-flexor", "feltRating=");
        @SuppressWarnings("unchecked")
        Map<String, Object> note = (Map<String, Object>) forAdmin.get(HealthRedaction.WITHHELD);
        assertThat(note.get("fields")).isEqualTo(List.of("assessments", "feltRating", "routineId"));
        assertThat((String) note.get("reason")).contains("employee only");
        assertThat(data).as("the part itself is untouched").containsKey("assessments");
    }
}
