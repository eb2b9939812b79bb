package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Section;
import io.upright.web.deskcheck.DeskCheckApi.Template;
import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WizardTest {

    private final Wizard wizard = Wizard.of(Templates.workstationBasics());

    @Test
    void the_safety_screen_comes_first_then_precautions_then_the_template_order() {
        assertThat(wizard.sections()).extracting(Section::id)
                .containsExactly("safety", "precautions", "setup", "habits", "comfort");
        assertThat(wizard.position("safety")).isEqualTo(1);
        assertThat(wizard.next("precautions")).contains("setup");
        assertThat(wizard.previous("setup")).contains("precautions");
        assertThat(wizard.previous("safety")).isEmpty();
        assertThat(wizard.next("comfort")).isEmpty();
    }

    @Test
    void a_template_without_safety_questions_keeps_its_order_and_leaves_out_empty_sections() {
        Template old = new Template("rosa", 1, "ROSA", null, "ROSA",
                List.of(new Section("chair", "Chair"), new Section("safety", "Safety"), new Section("screen", "Screen")),
                List.of(Templates.yesNo("a", "chair"), Templates.yesNo("b", "screen")));

        Wizard walk = Wizard.of(old);

        assertThat(walk.sections()).extracting(Section::id).containsExactly("chair", "screen");
        assertThat(walk.afterSafety("screen")).isFalse();
    }

    @Test
    void resuming_goes_to_the_first_section_in_walk_order_with_an_open_question() {
        assertThat(wizard.firstUnanswered(Map.of())).contains("safety");
        Map<String, Object> safetyDone = Map.of("legNumbnessOrTingling", false, "saddleNumbness", false);
        assertThat(wizard.firstUnanswered(safetyDone)).contains("precautions");
        Map<String, Object> all = Map.of("legNumbnessOrTingling", false, "saddleNumbness", false, "pregnant", false,
                "feetFlatOnFloor", true, "chairType", "stool", "hoursSittingPerDay", 7, "discomfortWhenSitting", 2);
        assertThat(wizard.firstUnanswered(all)).isEmpty();
        assertThat(wizard.answered(all)).isEqualTo(wizard.total()).isEqualTo(7);
        assertThat(wizard.answered(safetyDone)).isEqualTo(2);
    }

    @Test
    void missing_answers_on_submission_lead_to_the_first_section_in_walk_order_holding_one() {
        assertThat(wizard.firstSectionOf(List.of("discomfortWhenSitting", "feetFlatOnFloor"))).contains("setup");
        assertThat(wizard.firstSectionOf(List.of("discomfortWhenSitting", "pregnant"))).contains("precautions");
    }

    @Test
    void pages_after_the_safety_section_are_the_ones_that_carry_its_advice() {
        assertThat(wizard.afterSafety("safety")).isFalse();
        assertThat(wizard.afterSafety("precautions")).isTrue();
        assertThat(wizard.afterSafety("comfort")).isTrue();
    }

    @Test
    void each_question_is_rendered_by_its_type() {
        List<QuestionView> setup = wizard.views("setup", Map.of("feetFlatOnFloor", "false"), Map.of());
        assertThat(setup.get(0).kind()).isEqualTo("boolean");
        assertThat(setup.get(0).options()).extracting(QuestionView.Option::value, QuestionView.Option::checked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("true", false), org.assertj.core.groups.Tuple.tuple("false", true));
        assertThat(setup.get(1).kind()).isEqualTo("choice");
        assertThat(setup.get(1).options()).extracting(QuestionView.Option::label).containsExactly("Label office-adjustable", "Label stool");

        QuestionView hours = wizard.views("habits", Map.of("hoursSittingPerDay", "99"), Map.of("hoursSittingPerDay", "must be from 0 to 16")).get(0);
        assertThat(hours.kind()).isEqualTo("number");
        assertThat(hours.value()).isEqualTo("99");
        assertThat(hours.invalid()).isTrue();
        assertThat(hours.describedBy()).isEqualTo("error-hoursSittingPerDay range-hoursSittingPerDay");

        QuestionView discomfort = wizard.views("comfort", Map.of(), Map.of()).get(0);
        assertThat(discomfort.kind()).isEqualTo("scale");
        assertThat(discomfort.options()).hasSize(11);
        assertThat(discomfort.describedBy()).isEqualTo("range-discomfortWhenSitting");
    }

    @Test
    void a_question_has_the_id_the_error_summary_links_to() {
        QuestionView hours = wizard.views("habits", Map.of(), Map.of()).get(0);
        assertThat(hours.anchor())
                .isEqualTo(new ServiceProblem.FieldError("answers.hoursSittingPerDay", "x").anchor());
    }

    @Test
    void the_error_summary_names_the_question_and_each_error_lands_at_its_question() {
        ServiceProblem problem = new ServiceProblem(400, "Invalid", "Invalid answers",
                List.of(new ServiceProblem.FieldError("answers.hoursSittingPerDay", "must be from 0 to 16 (hours)")));

        assertThat(DeskCheckPages.errorsByQuestion(problem)).containsExactly(Map.entry("hoursSittingPerDay", "must be from 0 to 16 (hours)"));
        assertThat(DeskCheckPages.withQuestionTexts(problem, wizard.questions("habits")).fieldErrors())
                .extracting(ServiceProblem.FieldError::message)
                .containsExactly("How many hoursSittingPerDay? must be from 0 to 16 (hours)");
    }
}
