package io.upright.programs.enrollment;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
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
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("timeZone", "workdayEnd"));
    }

    @Test
    void a_time_that_is_not_hh_mm_is_rejected() {
        assertThatThrownBy(() -> decider.decide(command("UTC", "9am", "17:00", "ada@example.com"), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("workdayStart"));
    }

    @Test
    void an_employee_is_enrolled_only_once() {
        var command = command("UTC", "09:00", "17:00", "ada@example.com");
        var enrolled = decider.fold(decider.decide(command, decider.initialState()));

        assertThatThrownBy(() -> decider.decide(command, enrolled)).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).reason()).isEqualTo(Rejection.Reason.CONFLICT);
    }

    private static EnrollmentDecider.EnrollEmployee command(String zone, String start, String end, String email) {
        return new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(), "Ada", email, null, zone, start, end,
                false, null, Instant.parse("2026-11-25T09:00:00Z"), value -> value);
    }

    @Test
    void personal_fields_are_stored_only_as_the_seal_function_returns_them() {
        var command = new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(), "Ada", "ada@example.com", " @ada ",
                "UTC", "09:00", "17:00", false, null, Instant.parse("2026-11-25T09:00:00Z"), value -> "sealed(" + value + ")");

        assertThat(decider.decide(command, decider.initialState())).singleElement()
                .isInstanceOfSatisfying(EmployeeEvent.EmployeeJoined.class, joined -> {
                    assertThat(joined.displayName()).isEqualTo("sealed(Ada)");
                    assertThat(joined.email()).isEqualTo("sealed(ada@example.com)");
                    assertThat(joined.chatHandle()).isEqualTo("sealed(@ada)");
                });
    }

    @Test
    void an_employee_leaves_once_and_erasing_twice_records_one_erasure() {
        var enrolled = decider.fold(decider.decide(command("UTC", "09:00", "17:00", "ada@example.com"), decider.initialState()));
        Instant at = Instant.parse("2026-11-26T09:00:00Z");

        var left = decider.fold(java.util.List.of(
                (EmployeeEvent) decider.decide(command("UTC", "09:00", "17:00", "ada@example.com"), decider.initialState()).get(0),
                decider.decide(new EnrollmentDecider.Leave(enrolled.id(), at), enrolled).get(0)));
        assertThat(left.left()).isTrue();
        assertThatThrownBy(() -> decider.decide(new EnrollmentDecider.Leave(enrolled.id(), at), left))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));

        var erasure = decider.decide(new EnrollmentDecider.ErasePersonalData(enrolled.id(), at), enrolled);
        assertThat(erasure).singleElement().isInstanceOf(EmployeeEvent.PersonalDataErased.class);
        var erased = decider.evolve(enrolled, erasure.get(0));
        assertThat(decider.decide(new EnrollmentDecider.ErasePersonalData(enrolled.id(), at), erased)).isEmpty();
    }

    @Test
    void leaving_or_erasing_someone_never_enrolled_is_not_found() {
        assertThatThrownBy(() -> decider.decide(new EnrollmentDecider.Leave(UUID.randomUUID(), Instant.parse("2026-11-26T09:00:00Z")), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    @Test
    void someone_imported_with_history_joins_at_the_start_of_their_joining_day_in_their_time_zone() {
        var command = new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(), "Ada", "ada@example.com", null,
                "Europe/Berlin", "09:00", "17:00", false, java.time.LocalDate.parse("2026-10-19"),
                Instant.parse("2026-11-25T09:00:00Z"), value -> value);

        assertThat(decider.decide(command, decider.initialState())).singleElement()
                .isInstanceOfSatisfying(EmployeeEvent.EmployeeJoined.class, joined ->
                        assertThat(joined.joinedAt()).isEqualTo(Instant.parse("2026-10-18T22:00:00Z")));
    }

    @Test
    void a_joining_day_in_the_future_or_more_than_a_year_back_is_refused_naming_joined_on() {
        for (String day : java.util.List.of("2026-11-26", "2025-11-20")) {
            var command = new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(), "Ada", "ada@example.com",
                    null, "UTC", "09:00", "17:00", false, java.time.LocalDate.parse(day),
                    Instant.parse("2026-11-25T09:00:00Z"), value -> value);
            assertThatThrownBy(() -> decider.decide(command, decider.initialState())).isInstanceOf(Rejection.class)
                    .extracting(e -> ((Rejection) e).errors().get(0).field()).isEqualTo("joinedOn");
        }
    }
}
