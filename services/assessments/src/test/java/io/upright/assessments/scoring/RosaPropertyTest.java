package io.upright.assessments.scoring;

import io.upright.assessments.template.AnswerType;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.Choice;
import io.upright.assessments.template.Question;
import io.upright.assessments.template.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the ROSA score over complete answer sets of the real rosa templates (v1 and v2): 2,000 answer sets
 * drawn from a fixed seed, so every run checks the same cases and a failure names the set that broke the property
 * (its index and answers), to be replayed by that index alone.
 */
class RosaPropertyTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> RosaPropertyTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    /** One complete set of answers to one published rosa version. */
    record AnswerSet(int templateVersion, Map<String, Object> answers) {
        @Override
        public String toString() {
            return "rosa v" + templateVersion + " " + answers;
        }
    }

    private static final long SEED = 0x5057_4f53_41L; // fixed: the cases are the same on every run
    private static final int TRIES = 2_000;

    @ParameterizedTest(name = "answer set {index}")
    @MethodSource("completeRosaAnswers")
    void every_final_score_is_within_1_to_10(AnswerSet set) {
        assertThat(template(set).incomplete(set.answers())).as("the generator makes complete answer sets").isEmpty();
        assertThat(RosaScoring.score(set.answers()).finalScore()).isBetween(1, RosaScoring.MAX_SCORE);
    }

    @ParameterizedTest(name = "answer set {index}")
    @MethodSource("completeRosaAnswers")
    void worsening_any_single_answer_never_lowers_the_final_score(AnswerSet set) {
        int score = RosaScoring.score(set.answers()).finalScore();
        for (Question question : template(set).questions()) {
            for (Object worse : worseValues(question, set.answers().get(question.id()))) {
                Map<String, Object> worsened = new HashMap<>(set.answers());
                worsened.put(question.id(), worse);
                assertThat(RosaScoring.score(worsened).finalScore())
                        .as("after %s=%s", question.id(), worse)
                        .isBetween(1, RosaScoring.MAX_SCORE)
                        .isGreaterThanOrEqualTo(score);
            }
        }
    }

    @Test
    void the_extremes_are_reachable_all_neutral_and_short_scores_1_and_all_worst_and_long_scores_10() {
        ChecklistTemplate template = LIBRARY.latest("rosa").orElseThrow();
        Map<String, Object> best = new HashMap<>();
        Map<String, Object> worst = new HashMap<>();
        for (Question q : template.questions()) {
            List<Object> values = orderedValues(q);
            best.put(q.id(), values.get(0));
            worst.put(q.id(), values.get(values.size() - 1));
        }
        assertThat(RosaScoring.score(best).finalScore()).isEqualTo(1);
        assertThat(RosaScoring.score(worst).finalScore()).isEqualTo(10);
    }

    /** Uniformly drawn complete answer sets of both rosa versions, the same 2,000 on every run. */
    static Stream<AnswerSet> completeRosaAnswers() {
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> {
            int version = 1 + random.nextInt(2);
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Question q : LIBRARY.version("rosa", version).orElseThrow().questions()) {
                List<Object> values = orderedValues(q);
                answers.put(q.id(), values.get(random.nextInt(values.size())));
            }
            return new AnswerSet(version, answers);
        }).toList().stream();
    }

    @Test
    void the_generated_sets_cover_every_answer_of_every_question_of_both_versions() {
        Map<String, Set<Object>> seen = new HashMap<>();
        completeRosaAnswers().forEach(set -> set.answers().forEach((question, value) ->
                seen.computeIfAbsent(set.templateVersion() + ":" + question, k -> new HashSet<>()).add(value)));
        for (int version = 1; version <= 2; version++) {
            for (Question q : LIBRARY.version("rosa", version).orElseThrow().questions()) {
                assertThat(seen.get(version + ":" + q.id())).as("rosa v%d %s", version, q.id())
                        .containsExactlyInAnyOrderElementsOf(orderedValues(q));
            }
        }
    }

    private static ChecklistTemplate template(AnswerSet set) {
        return LIBRARY.version("rosa", set.templateVersion()).orElseThrow();
    }

    /** Every value strictly worse than {@code current}: a higher-scoring posture, a "+1" present, a longer duration. */
    private static List<Object> worseValues(Question question, Object current) {
        List<Object> worse = new ArrayList<>();
        int currentRank = rank(question, current);
        for (Object value : orderedValues(question)) {
            if (rank(question, value) > currentRank) {
                worse.add(value);
            }
        }
        return worse;
    }

    /** All answers a question accepts, best first. */
    private static List<Object> orderedValues(Question question) {
        if (question.answerType() == AnswerType.BOOLEAN) {
            // for a "+1" condition and a red flag alike, "yes" is the worse answer
            return List.of(false, true);
        }
        assertThat(question.answerType()).isEqualTo(AnswerType.SINGLE_CHOICE);
        List<Object> values = new ArrayList<>(question.allowedValues().stream().map(Choice::value).toList());
        values.sort((a, b) -> Integer.compare(rank(question, a), rank(question, b)));
        return values;
    }

    /** How bad an answer is by the paper's item points (durations -1/0/+1, postures 1..3). */
    private static int rank(Question question, Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (question.id().endsWith("Duration")) {
            return RosaScoring.DURATION_POINTS.get((String) value);
        }
        return RosaScoring.POSTURE_POINTS.get(question.id() + ":" + value);
    }
}
