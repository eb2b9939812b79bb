package io.upright.assessments.template;

import io.upright.assessments.AnswerSets;
import io.upright.platform.domain.FieldError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkstationBasicsTemplateTest {

    static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> WorkstationBasicsTemplateTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    static ChecklistTemplate template() {
        return LIBRARY.latest("workstation-basics").orElseThrow();
    }

    @Test
    void version_1_asks_every_question_of_the_seed_article_with_its_answer_type() {
        ChecklistTemplate t = LIBRARY.version("workstation-basics", 1).orElseThrow();
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.method()).isEqualTo("WORKSTATION_BASICS");
        assertThat(t.questions()).extracting(Question::id).containsExactlyInAnyOrder(
                "feetFlatOnFloor", "kneesNear90Degrees", "backSupported", "screenAtEyeLevel", "chairType",
                "standingDeskAvailable", "hoursSittingPerDay", "longestSittingBoutMinutes", "standUpFrequency",
                "discomfortWhenSitting", "discomfortWhenWalkingOrStanding", "legNumbnessOrTingling");
        assertThat(t.question("chairType").orElseThrow().allowedValues()).extracting(Choice::value)
                .containsExactly("office-adjustable", "office-fixed", "kitchen-or-dining", "stool", "other");
        assertThat(t.question("hoursSittingPerDay").orElseThrow()).satisfies(q -> {
            assertThat(q.answerType()).isEqualTo(AnswerType.INTEGER_RANGE);
            assertThat(q.min()).isZero();
            assertThat(q.max()).isEqualTo(16);
            assertThat(q.unit()).isEqualTo("hours");
        });
        assertThat(t.question("longestSittingBoutMinutes").orElseThrow().max()).isEqualTo(600);
        assertThat(t.question("discomfortWhenSitting").orElseThrow().max()).isEqualTo(10);
        assertThat(t.questions()).filteredOn(Question::isRedFlag).extracting(Question::id)
                .containsExactly("legNumbnessOrTingling");
        assertThat(t.questions()).allSatisfy(q -> assertThat(q.help()).isNotBlank());
        assertThat(t.validate(AnswerSets.healthyV1()).valid()).isTrue();
        assertThat(t.incomplete(AnswerSets.healthyV1())).isEmpty();
    }

    @Test
    void version_2_asks_version_1_plus_a_safety_screen_of_five_red_flags() {
        ChecklistTemplate v1 = LIBRARY.version("workstation-basics", 1).orElseThrow();
        ChecklistTemplate v2 = LIBRARY.version("workstation-basics", 2).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.method()).isEqualTo(v1.method());
        assertThat(v2.questions()).extracting(Question::id).containsAll(v1.questions().stream().map(Question::id).toList())
                .hasSize(16);
        assertThat(v2.questions()).filteredOn(Question::isRedFlag).extracting(Question::id).containsExactly(
                "legNumbnessOrTingling", "painRadiatesDownLeg", "painAtNightOrAtRest", "recentFallOrBackInjury",
                "unexplainedLegWeakness");
        assertThat(v2.questions()).filteredOn(Question::isRedFlag)
                .allSatisfy(q -> {
                    assertThat(q.section()).isEqualTo("safety");
                    assertThat(q.answerType()).isEqualTo(AnswerType.BOOLEAN);
                    assertThat(q.help()).isNotBlank();
                });
        // the questions v1 already asked are asked the same way, apart from the red flag v2 split in two
        v1.questions().stream().filter(q -> !q.isRedFlag())
                .forEach(q -> assertThat(v2.question(q.id())).contains(q));
        // a v1 answer set is not complete for v2: the new safety questions are required
        assertThat(v2.incomplete(AnswerSets.healthyV1())).extracting(FieldError::field).containsExactly(
                "answers.painAtNightOrAtRest", "answers.painRadiatesDownLeg", "answers.recentFallOrBackInjury",
                "answers.unexplainedLegWeakness");
    }

    @Test
    void a_complete_valid_answer_set_is_complete() {
        assertThat(template().incomplete(AnswerSets.healthy())).isEmpty();
        assertThat(template().validate(AnswerSets.healthy()).valid()).isTrue();
    }

    @Test
    void unknown_questions_and_out_of_range_or_mistyped_values_are_each_named() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("seatHeight", 40);
        answers.put("hoursSittingPerDay", 17);
        answers.put("chairType", "throne");
        answers.put("feetFlatOnFloor", "yes");
        answers.put("discomfortWhenSitting", 2.5);
        answers.put("backSupported", true);

        ChecklistTemplate.Validated validated = template().validate(answers);

        assertThat(validated.errors()).extracting(FieldError::field).containsExactly(
                "answers.chairType", "answers.discomfortWhenSitting", "answers.feetFlatOnFloor",
                "answers.hoursSittingPerDay", "answers.seatHeight");
        assertThat(validated.answers()).containsOnlyKeys("backSupported");
    }

    @Test
    void whole_numbers_arriving_as_long_are_stored_as_int() {
        ChecklistTemplate.Validated validated = template().validate(Map.of("hoursSittingPerDay", 8L));
        assertThat(validated.answers().get("hoursSittingPerDay")).isEqualTo(8);
    }

    @Test
    void every_missing_answer_is_listed() {
        Map<String, Object> answers = AnswerSets.healthy();
        answers.remove("chairType");
        answers.remove("legNumbnessOrTingling");
        List<FieldError> missing = template().incomplete(answers);
        assertThat(missing).extracting(FieldError::field)
                .containsExactly("answers.chairType", "answers.legNumbnessOrTingling");
    }
}
