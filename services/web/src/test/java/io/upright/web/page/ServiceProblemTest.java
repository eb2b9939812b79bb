package io.upright.web.page;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProblemTest {

    @Test
    void the_summary_names_the_field_each_message_is_about_and_leaves_unknown_fields_as_sent() {
        ServiceProblem sent = new ServiceProblem(400, "Invalid", "2 fields are invalid", List.of(
                new ServiceProblem.FieldError("title", "is required"),
                new ServiceProblem.FieldError("somethingNew", "is wrong")));
        ServiceProblem labelled = sent.labelled(Map.of("title", "Title"));
        assertThat(labelled.fieldErrors()).extracting(ServiceProblem.FieldError::message)
                .containsExactly("Title: is required", "is wrong");
        assertThat(labelled.fieldErrors().get(0).anchor()).isEqualTo("field-title");
        assertThat(labelled.detail()).isEqualTo("2 fields are invalid");
    }

    @Test
    void a_page_showing_a_service_that_did_not_answer_is_503_and_a_refusal_keeps_its_status() {
        assertThat(new ServiceProblem(500, "", "", List.of()).pageStatus()).isEqualTo(503);
        assertThat(new ServiceProblem(409, "", "", List.of()).pageStatus()).isEqualTo(409);
    }
}
