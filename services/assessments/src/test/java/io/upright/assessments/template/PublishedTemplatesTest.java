package io.upright.assessments.template;

import io.upright.assessments.scoring.RedFlags;
import io.upright.assessments.scoring.SafetyScreen;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Published template versions never change, and every safety screen asks exactly the red flags scoring knows. */
class PublishedTemplatesTest {

    static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> PublishedTemplatesTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    /**
     * SHA-256 of every published file. A published version is immutable because submitted assessments keep
     * meaning what they meant: to change a template, add the next version and list it here, never edit a file.
     */
    static final Map<String, String> PUBLISHED = Map.of(
            "workstation-basics.v3.json", "1f74ace8fd57741f9902baf777eda52d851897cabf45fcb07195dc03c7d57322",
            "rosa.v3.json", "4826dee09f535f8556b494af2d8c0d7126f1af46fc183ec3cedb85248d84f7ef",
            "workstation-basics.v1.json", "d14c6c47b28b75c65b8008327935c21db1ad1e567d2a07458941f3820d15f45a",
            "workstation-basics.v2.json", "5d11cd7554b7c19de01de265e7f0aebcd74f28fe1216390a22f1bfa6276dae82",
            "rosa.v1.json", "51a3f2b30e08e0874fe77fc0061a9741ed621cf9fc21d3a7f3df8c8b3970a866",
            "rosa.v2.json", "07dd3ceb7fb7286fce00c24ec35251abe95afd457c35981efa3bfe17fa23c55e");

    @Test
    void published_template_files_are_byte_for_byte_unchanged() throws Exception {
        for (Map.Entry<String, String> file : PUBLISHED.entrySet()) {
            assertThat(sha256("templates/" + file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(LIBRARY.all()).hasSize(PUBLISHED.size());
    }

    @Test
    void new_assessments_get_version_3_of_both_templates_and_versions_1_and_2_stay_readable() {
        assertThat(LIBRARY.latestVersions()).extracting(ChecklistTemplate::id, ChecklistTemplate::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rosa", 3),
                        org.assertj.core.groups.Tuple.tuple("workstation-basics", 3));
        for (int version = 1; version <= 2; version++) {
            assertThat(LIBRARY.version("rosa", version)).isPresent();
            assertThat(LIBRARY.version("workstation-basics", version)).isPresent();
        }
    }

    @Test
    void red_flag_questions_are_yes_no_questions_of_a_safety_section_that_scoring_knows() {
        for (ChecklistTemplate t : LIBRARY.all()) {
            assertThat(t.questions()).filteredOn(Question::isRedFlag).as(t.id() + " v" + t.version()).allSatisfy(q -> {
                assertThat(q.answerType()).isEqualTo(AnswerType.BOOLEAN);
                assertThat(q.section()).isEqualTo("safety");
                // v1/v2 ask only RedFlags.QUESTIONS; v3's fuller screen is SafetyScreen's (which includes them)
                assertThat(t.version() < 3 ? RedFlags.QUESTIONS : SafetyScreen.URGENCY_QUESTIONS).contains(q.id());
            });
            // the scoring treats these ids as red flags wherever they appear, so none may be asked unmarked
            assertThat(t.questions()).filteredOn(q -> RedFlags.QUESTIONS.contains(q.id())).allMatch(Question::isRedFlag);
        }
        for (String id : new String[] {"rosa", "workstation-basics"}) {
            assertThat(LIBRARY.version(id, 2).orElseThrow().questions()).filteredOn(Question::isRedFlag)
                    .extracting(Question::id).containsExactlyElementsOf(RedFlags.QUESTIONS);
        }
    }

    private static String sha256(String resource) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = PublishedTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return String.format("%064x", new BigInteger(1, digest));
        }
    }
}
