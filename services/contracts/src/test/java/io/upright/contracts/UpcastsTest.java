package io.upright.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.schema.SchemaCompatibility;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UpcastsTest {

    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID EMPLOYEE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final Instant AT = Instant.parse("2026-11-24T12:30:00Z");

    @Test
    void a_v1_session_reads_as_v2_with_its_minutes_in_seconds_and_nothing_else_changed() {
        Object latest = Upcasts.latest(new ExerciseSessionCompleted(SESSION, EMPLOYEE, "walking-break", null, 2, 4, AT));

        assertThat(latest).isEqualTo(new ExerciseSessionCompletedV2(SESSION, EMPLOYEE, "walking-break", null, 120, 4, AT));
        assertThat(((ExerciseSessionCompletedV2) latest).wholeMinutes()).isEqualTo(2);
    }

    @Test
    void a_newest_version_or_another_event_passes_through_as_it_is() {
        var v2 = new ExerciseSessionCompletedV2(SESSION, EMPLOYEE, null, "glute-bridge", 90, null, AT);
        assertThat(Upcasts.latest(v2)).isSameAs(v2);
        Object other = new Object();
        assertThat(Upcasts.latest(other)).isSameAs(other);
    }

    @Test
    void micro_breaks_count_in_whole_minutes_rounded_half_up() {
        assertThat(List.of(30, 89, 90, 149, 120).stream()
                .map(s -> new ExerciseSessionCompletedV2(SESSION, EMPLOYEE, "desk-micro-break", null, s, null, AT).wholeMinutes())
                .toList()).containsExactly(1, 1, 2, 2, 2);
    }

    @Test
    void v2_is_sealed_for_the_employee_and_keyed_by_them_as_v1_is() {
        var v2 = new ExerciseSessionCompletedV2(SESSION, EMPLOYEE, "walking-break", null, 30, 5, AT);
        assertThat(v2).isInstanceOf(SealedForEmployee.class);
        assertThat(v2.key()).isEqualTo(EMPLOYEE.toString());
        assertThat(v2.subject()).isEqualTo(SESSION.toString());
    }

    @Test
    void v2_could_not_have_been_a_change_to_v1_so_it_is_a_new_type() throws Exception {
        // minutes removed and seconds required: a v1 consumer could not read it, which is why v2 has its own ce_type
        assertThat(SchemaCompatibility.breaks(schema(EventCatalog.EXERCISE_SESSION_COMPLETED_V1),
                schema(EventCatalog.EXERCISE_SESSION_COMPLETED))).isNotEmpty();
        assertThat(EventCatalog.EXERCISE_SESSION_COMPLETED.ceType()).isEqualTo("upright.exercises.exercise-session-completed.v2");
        assertThat(EventCatalog.byCeType("upright.exercises.exercise-session-completed.v1"))
                .contains(EventCatalog.EXERCISE_SESSION_COMPLETED_V1);
    }

    private static JsonNode schema(EventType<?> type) throws Exception {
        try (InputStream in = UpcastsTest.class.getResourceAsStream("/schemas/" + type.ceType() + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
