package io.upright.insights.facts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmployerVisibleFindingsTest {

    @Test
    void a_red_flag_is_never_kept_and_the_workstation_findings_are() {
        assertThat(EmployerVisibleFindings.of(List.of("RED_FLAG_SEEK_CLINICIAN", "MONITOR_TOO_LOW", "ROSA_ACT_NOW")))
                .containsExactly("MONITOR_TOO_LOW", "ROSA_ACT_NOW");
    }

    @Test
    void nothing_is_nothing_and_duplicates_or_gaps_are_dropped() {
        assertThat(EmployerVisibleFindings.of(null)).isEmpty();
        assertThat(EmployerVisibleFindings.of(Arrays.asList("CHAIR_SEAT_HEIGHT", null, "CHAIR_SEAT_HEIGHT")))
                .containsExactly("CHAIR_SEAT_HEIGHT");
    }
}
