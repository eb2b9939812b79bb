package io.upright.web.routine;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerTest {

    @Test
    void the_step_stays_within_the_exercises_and_the_finish() {
        assertThat(Player.step(null, 4)).isEqualTo(1);
        assertThat(Player.step("abc", 4)).isEqualTo(1);
        assertThat(Player.step("0", 4)).isEqualTo(1);
        assertThat(Player.step(" 3 ", 4)).isEqualTo(3);
        assertThat(Player.step("5", 4)).as("the finish form").isEqualTo(5);
        assertThat(Player.step("99", 4)).isEqualTo(5);
    }

    @Test
    void typed_whole_numbers_are_sent_and_empty_fields_are_left_for_the_service_to_name() {
        Player.Parsed parsed = Player.parse(new Player.Answers(" 8 ", "4", ""));
        assertThat(parsed.minutes()).isEqualTo(8);
        assertThat(parsed.feltRating()).isEqualTo(4);
        assertThat(parsed.discomfort()).isNull();
        assertThat(parsed.notNumbers()).isEmpty();
        assertThat(Player.parse(new Player.Answers(null, null, null)).notNumbers()).isEmpty();
    }

    @Test
    void text_that_is_not_a_whole_number_is_named_at_its_field() {
        Player.Parsed parsed = Player.parse(new Player.Answers("eight", "4", "2.5"));
        assertThat(parsed.notNumbers()).containsExactly("minutes", "discomfort");
        ServiceProblem problem = Player.notNumbers(parsed.notNumbers(), "Please enter a whole number.");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fieldErrors()).extracting(ServiceProblem.FieldError::anchor)
                .containsExactly("field-minutes", "field-discomfort");
        assertThat(problem.at("minutes")).contains("Please enter a whole number.");
    }

    @Test
    void the_chosen_rating_is_ticked_again() {
        Player.Answers answers = new Player.Answers("8", "3", null);
        assertThat(List.of(1, 2, 3, 4, 5).stream().filter(answers::felt)).containsExactly(3);
        assertThat(new Player.Answers("8", null, null).felt(3)).isFalse();
    }
}
