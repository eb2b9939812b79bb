package io.upright.web.admin;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdFormTest {

    @Test
    void a_whole_number_is_read_with_spaces_around_it() {
        assertThat(ThresholdForm.parse(" 8 ")).contains(8);
    }

    @Test
    void blank_words_and_fractions_are_no_number() {
        assertThat(ThresholdForm.parse(null)).isEmpty();
        assertThat(ThresholdForm.parse("  ")).isEmpty();
        assertThat(ThresholdForm.parse("eight")).isEmpty();
        assertThat(ThresholdForm.parse("7.5")).isEmpty();
    }

    @Test
    void no_number_is_said_at_the_threshold_field_with_the_anchor_the_input_has() {
        ServiceProblem blank = ThresholdForm.refused("", "required", "whole", "check");
        ServiceProblem words = ThresholdForm.refused("eight", "required", "whole", "check");
        assertThat(blank.at("anonymityThreshold")).contains("required");
        assertThat(words.at("anonymityThreshold")).contains("whole");
        assertThat(words.fieldErrors().get(0).anchor()).isEqualTo("field-anonymityThreshold");
        assertThat(words.detail()).isEqualTo("check");
    }

    @Test
    void a_refusal_naming_no_field_is_shown_at_the_threshold_but_a_field_error_stays_as_sent() {
        ServiceProblem bare = ThresholdForm.atField(new ServiceProblem(400, "Bad", "too small", List.of()));
        assertThat(bare.at("anonymityThreshold")).contains("too small");
        ServiceProblem named = new ServiceProblem(400, "Bad", "invalid",
                List.of(new ServiceProblem.FieldError("anonymityThreshold", "must be at least 5")));
        assertThat(ThresholdForm.atField(named)).isSameAs(named);
    }

    @Test
    void a_service_that_is_down_or_a_refused_role_is_no_field_error() {
        ServiceProblem down = new ServiceProblem(503, "down", "down", List.of());
        ServiceProblem forbidden = new ServiceProblem(403, "Forbidden", "not an admin", List.of());
        assertThat(ThresholdForm.atField(down).fieldErrors()).isEmpty();
        assertThat(ThresholdForm.atField(forbidden).fieldErrors()).isEmpty();
    }
}
