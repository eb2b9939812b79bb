package io.upright.insights.snapshots;

import io.upright.insights.snapshots.RiskSnapshots.Assessed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RiskSnapshotsTest {

    private static final UUID TEAM = UUID.randomUUID();

    @Test
    void a_re_assessment_a_departure_or_a_newcomer_is_one_person_changed_and_an_erasure_none() {
        List<Assessed> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(row(UUID.randomUUID()));
        }
        List<Assessed> reassessed = new ArrayList<>(before.subList(1, 6));
        reassessed.add(row(UUID.randomUUID()));
        assertThat(RiskSnapshots.changedPeople(before, reassessed)).isEqualTo(1);
        assertThat(RiskSnapshots.changedPeople(before, before.subList(1, 6))).isEqualTo(1);
        // an erasure re-keys the employee, never the assessment: nothing changed
        assertThat(RiskSnapshots.changedPeople(before, List.copyOf(before))).isZero();
        List<Assessed> moved = new ArrayList<>(before);
        moved.set(0, new Assessed(before.get(0).assessmentId(), UUID.randomUUID(), "workstation-basics", 3, "LOW", List.of()));
        assertThat(RiskSnapshots.changedPeople(before, moved)).isEqualTo(1);
    }

    private static Assessed row(UUID assessment) {
        return new Assessed(assessment, TEAM, "workstation-basics", 3, "LOW", List.of());
    }
}
