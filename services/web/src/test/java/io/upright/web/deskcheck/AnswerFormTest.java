package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Question;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerFormTest {

    private final List<Question> questions = List.of(
            Templates.yesNo("feetFlatOnFloor", "setup"),
            Templates.yesNo("backSupported", "setup"),
            Templates.choice("chairType", "setup", "office-adjustable", "stool"),
            Templates.range("hoursSittingPerDay", "habits", 0, 16, "hours"),
            Templates.range("longestSittingBoutMinutes", "habits", 0, 600, "minutes"));

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void yes_and_no_become_booleans_numbers_integers_and_choices_stay_their_value() {
        Map<String, Object> answers = AnswerForm.answers(questions, form("feetFlatOnFloor", "true", "backSupported", "false",
                "chairType", "stool", "hoursSittingPerDay", " 7 ", "longestSittingBoutMinutes", "90")::get);

        assertThat(answers).containsExactly(Map.entry("feetFlatOnFloor", true), Map.entry("backSupported", false),
                Map.entry("chairType", "stool"), Map.entry("hoursSittingPerDay", 7), Map.entry("longestSittingBoutMinutes", 90));
    }

    @Test
    void blank_and_absent_fields_are_not_sent() {
        Map<String, Object> answers = AnswerForm.answers(questions, form("feetFlatOnFloor", "", "hoursSittingPerDay", "   ",
                "chairType", "stool")::get);

        assertThat(answers).containsOnlyKeys("chairType");
    }

    @Test
    void fields_that_are_not_questions_of_the_section_are_ignored() {
        Map<String, Object> answers = AnswerForm.answers(questions, form("action", "next", "version", "\"3\"",
                "csrf-token", "abc", "feetFlatOnFloor", "true")::get);

        assertThat(answers).containsOnlyKeys("feetFlatOnFloor");
    }

    @Test
    void a_value_that_does_not_fit_is_sent_as_typed_so_the_service_names_it() {
        Map<String, Object> answers = AnswerForm.answers(questions, form("hoursSittingPerDay", "7.5",
                "longestSittingBoutMinutes", "99999999999999999999", "feetFlatOnFloor", "maybe")::get);

        assertThat(answers.get("hoursSittingPerDay")).isEqualTo("7.5");
        assertThat(answers.get("longestSittingBoutMinutes")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(answers.get("feetFlatOnFloor")).isEqualTo("maybe");
        assertThat(AnswerForm.answers(questions, form("hoursSittingPerDay", "-3")::get).get("hoursSittingPerDay")).isEqualTo(-3);
    }

    @Test
    void what_was_typed_is_kept_to_show_again_and_saved_answers_show_as_form_values() {
        assertThat(AnswerForm.typed(questions, form("hoursSittingPerDay", "99", "chairType", "")::get))
                .containsExactly(Map.entry("hoursSittingPerDay", "99"));
        assertThat(AnswerForm.shown(Map.of("feetFlatOnFloor", true, "hoursSittingPerDay", 7)))
                .containsEntry("feetFlatOnFloor", "true").containsEntry("hoursSittingPerDay", "7");
    }
}
