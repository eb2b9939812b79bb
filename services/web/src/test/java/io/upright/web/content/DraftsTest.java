package io.upright.web.content;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DraftsTest {

    @Test
    void a_taken_id_is_said_at_the_id_field() {
        ServiceProblem taken = new ServiceProblem(409, "Conflict", "Routine x already exists; edit it instead", List.of());
        assertThat(Drafts.existingAtId(taken).at("id")).contains("Routine x already exists; edit it instead");
    }

    @Test
    void other_refusals_stay_as_the_service_sent_them() {
        ServiceProblem invalid = new ServiceProblem(400, "Bad", "invalid",
                List.of(new ServiceProblem.FieldError("title", "is required")));
        ServiceProblem down = new ServiceProblem(503, "down", "down", List.of());
        assertThat(Drafts.existingAtId(invalid)).isSameAs(invalid);
        assertThat(Drafts.existingAtId(down)).isSameAs(down);
    }
}
