package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import io.upright.assessments.template.AnswerType;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.Choice;
import io.upright.assessments.template.Question;
import io.upright.assessments.template.TemplateLibrary;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rosa v1 data file and the scoring agree on every question and every choice. */
class RosaTemplateTest {

    static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> RosaTemplateTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    static ChecklistTemplate template() {
        return LIBRARY.version("rosa", 1).orElseThrow();
    }

    @Test
    void version_1_is_scored_by_the_rosa_method_in_three_sections() {
        ChecklistTemplate t = template();
        assertThat(t.method()).isEqualTo(RosaScoring.METHOD);
        assertThat(t.sections()).extracting(s -> s.id()).containsExactly("chair", "monitor-telephone", "mouse-keyboard");
        assertThat(t.questions()).hasSize(34);
        assertThat(t.questions()).noneMatch(Question::isRedFlag);
    }

    @Test
    void every_posture_choice_has_rosa_points_and_every_point_rule_has_a_choice() {
        Set<String> templateChoices = new HashSet<>();
        for (Question q : template().questions()) {
            if (q.answerType() == AnswerType.SINGLE_CHOICE && !q.id().endsWith("Duration")) {
                q.allowedValues().stream().map(Choice::value).forEach(v -> templateChoices.add(q.id() + ":" + v));
            }
        }
        assertThat(templateChoices).isEqualTo(RosaScoring.POSTURE_POINTS.keySet());
    }

    @Test
    void every_section_asks_its_duration_with_the_three_rosa_bands() {
        assertThat(template().questions()).filteredOn(q -> q.id().endsWith("Duration"))
                .extracting(Question::id)
                .containsExactly("chairDuration", "monitorDuration", "telephoneDuration", "mouseDuration", "keyboardDuration")
                .allSatisfy(id -> assertThat(template().question(id).orElseThrow().allowedValues())
                        .extracting(Choice::value).containsExactlyElementsOf(RosaScoring.DURATION_POINTS.keySet().stream()
                                .sorted((a, b) -> RosaScoring.DURATION_POINTS.get(a) - RosaScoring.DURATION_POINTS.get(b))
                                .toList()));
    }

    @Test
    void the_shared_answer_sets_are_complete_and_valid() {
        ChecklistTemplate v2 = LIBRARY.version("rosa", 2).orElseThrow();
        for (Map<String, Object> answers : new Map[] {AnswerSets.rosaNeutralV2(), AnswerSets.rosaActNowV2()}) {
            assertThat(v2.validate(answers).errors()).isEmpty();
            assertThat(v2.incomplete(answers)).isEmpty();
        }
        ChecklistTemplate v3 = LIBRARY.version("rosa", 3).orElseThrow();
        for (Map<String, Object> answers : new Map[] {AnswerSets.rosaNeutral(), AnswerSets.rosaActNow()}) {
            assertThat(v3.validate(answers).errors()).isEmpty();
            assertThat(v3.incomplete(answers)).isEmpty();
        }
        assertThat(template().validate(AnswerSets.rosaNeutralV1()).errors()).isEmpty();
        assertThat(template().incomplete(AnswerSets.rosaNeutralV1())).isEmpty();
    }

    @Test
    void version_2_asks_version_1_unchanged_plus_a_safety_section_of_red_flags() {
        ChecklistTemplate v1 = template();
        ChecklistTemplate v2 = LIBRARY.version("rosa", 2).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.method()).isEqualTo(RosaScoring.METHOD);
        assertThat(v2.sections()).extracting(s -> s.id())
                .containsExactly("chair", "monitor-telephone", "mouse-keyboard", "safety");
        assertThat(v2.questions().subList(0, v1.questions().size())).isEqualTo(v1.questions());
        assertThat(v2.questions()).filteredOn(Question::isRedFlag).extracting(Question::id)
                .containsExactlyElementsOf(RedFlags.QUESTIONS);
        assertThat(v2.questions()).hasSize(34 + RedFlags.QUESTIONS.size());
        // the v1 answers alone are not enough for v2, and the v2 safety answers are unknown to v1
        assertThat(v2.incomplete(AnswerSets.rosaNeutralV1())).hasSize(RedFlags.QUESTIONS.size());
        assertThat(v1.validate(AnswerSets.rosaNeutralV2()).errors()).hasSize(RedFlags.QUESTIONS.size());
    }
}
