package io.upright.platform.problem;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RejectionMappingTest {

    @Test
    void an_invalid_command_is_a_400_naming_every_field() {
        Problem problem = ProblemException.from(Rejection.invalid(List.of(
                new FieldError("dueDate", "must be today or later"), new FieldError("templateId", "unknown")))).toProblem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:upright:problem:validation");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("dueDate", "templateId");
    }

    @Test
    void a_single_invalid_field_is_named_in_the_detail() {
        Problem problem = ProblemException.from(Rejection.invalid("name", "must not be blank")).toProblem();

        assertThat(problem.detail()).isEqualTo("name: must not be blank");
    }

    @Test
    void not_found_is_404_and_a_conflict_keeps_its_own_code() {
        assertThat(ProblemException.from(Rejection.notFound("Team 7")).toProblem())
                .extracting(Problem::status, Problem::type, Problem::detail)
                .containsExactly(404, "urn:upright:problem:not-found", "Team 7 does not exist");
        assertThat(ProblemException.from(Rejection.conflict("content-in-use", "Exercise in use", "used by r1")).toProblem())
                .extracting(Problem::status, Problem::type, Problem::title)
                .containsExactly(409, "urn:upright:problem:content-in-use", "Exercise in use");
        assertThat(ProblemException.from(Rejection.conflict("already ended")).toProblem().type())
                .isEqualTo("urn:upright:problem:conflict");
    }

    @Test
    void an_invalid_command_must_name_a_field() {
        assertThatThrownBy(() -> Rejection.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
