package io.upright.programs.enrollment;

import io.upright.platform.problem.FieldError;
import io.upright.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentDeciderTest {

    private final EnrollmentDecider decider = new EnrollmentDecider();

    @Test
    void enrolling_records_the_working_day_and_normalises_the_email() {
        var events = decider.decide(command("Europe/Berlin", "08:30", "17:00", " Ada@Example.com "), decider.initialState());

        assertThat(events).singleElement().isInstanceOfSatisfying(EmployeeEvent.EmployeeJoined.class, joined -> {
            assertThat(joined.workingDay()).isEqualTo(new WorkingDay("Europe/Berlin", "08:30", "17:00"));
            assertThat(joined.email()).isEqualTo("ada@example.com");
        });
    }

    @Test
    void an_unknown_time_zone_and_a_day_that_ends_before_it_starts_are_each_named() {
        assertThatThrownBy(() -> decider.decide(command("Mars/Olympus", "18:00", "09:00", "ada@example.com"), decider.initialState()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("timeZone", "workdayEnd"));
    }

    @Test
    void a_time_that_is_not_hh_mm_is_rejected() {
        assertThatThrownBy(() -> decider.decide(command("UTC", "9am", "17:00", "ada@example.com"), decider.initialState()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .extracting(FieldError::field).containsExactly("workdayStart"));
    }

    @Test
    void an_employee_is_enrolled_only_once() {
        var command = command("UTC", "09:00", "17:00", "ada@example.com");
        var enrolled = decider.fold(decider.decide(command, decider.initialState()));

        assertThatThrownBy(() -> decider.decide(command, enrolled)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
    }

    private static EnrollmentDecider.EnrollEmployee command(String zone, String start, String end, String email) {
        return new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(), "Ada", email, zone, start, end,
                false, Instant.parse("2026-11-25T09:00:00Z"));
    }
}
