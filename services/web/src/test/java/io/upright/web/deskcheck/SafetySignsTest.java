package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Result;
import io.upright.web.deskcheck.SafetySigns.Level;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SafetySignsTest {

    /** The assessments service publishes which question raises which urgency in its README's table. */
    private static List<String> readmeRow(String urgency) throws IOException {
        Path readme = Path.of("../assessments/README.md");
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("| `" + urgency + "`")) {
                String raisedBy = line.split("\\|")[2];
                List<String> ids = new ArrayList<>();
                Matcher id = Pattern.compile("`([A-Za-z]+)`").matcher(raisedBy);
                while (id.find()) {
                    ids.add(id.group(1));
                }
                return ids;
            }
        }
        throw new AssertionError("No row for " + urgency + " in " + readme.toAbsolutePath());
    }

    @Test
    void the_lists_are_the_services_published_table() throws IOException {
        assertThat(SafetySigns.EMERGENCY_SIGNS).containsExactlyInAnyOrderElementsOf(readmeRow("EMERGENCY"));
        assertThat(SafetySigns.SEE_CLINICIAN_FIRST_SIGNS).containsExactlyInAnyOrderElementsOf(readmeRow("SEE_CLINICIAN_FIRST"));
    }

    @Test
    void the_most_urgent_yes_wins_and_no_yes_means_no_advice() {
        assertThat(SafetySigns.fromAnswers(Map.of())).isEqualTo(Level.NONE);
        assertThat(SafetySigns.fromAnswers(Map.of("legNumbnessOrTingling", false, "saddleNumbness", false))).isEqualTo(Level.NONE);
        assertThat(SafetySigns.fromAnswers(Map.of("historyOfCancer", true))).isEqualTo(Level.SEE_CLINICIAN_FIRST);
        assertThat(SafetySigns.fromAnswers(Map.of("historyOfCancer", true, "symptomsInBothLegs", true))).isEqualTo(Level.EMERGENCY);
        // a precaution alone does not pause exercise
        assertThat(SafetySigns.fromAnswers(Map.of("pregnant", true, "takesBloodThinners", true))).isEqualTo(Level.NONE);
    }

    private static Result result(boolean clinicalReview, String urgency, String urgencyAdvice, String clinicianAdvice) {
        return new Result(3, 20, "LOW", List.of(), clinicalReview, clinicianAdvice, urgency, urgencyAdvice, List.of(),
                Map.of(), null, null);
    }

    @Test
    void a_result_shows_the_services_urgency_and_its_own_advice_text() {
        assertThat(SafetySigns.fromResult(result(true, "EMERGENCY", "Go today.", "Go today."))).isEqualTo(Level.EMERGENCY);
        assertThat(SafetySigns.adviceText(result(true, "EMERGENCY", "Go today.", "Go today."))).isEqualTo("Go today.");
        assertThat(SafetySigns.fromResult(result(true, "SEE_CLINICIAN_FIRST", "See someone.", null))).isEqualTo(Level.SEE_CLINICIAN_FIRST);
        assertThat(SafetySigns.fromResult(result(false, "NONE", null, null))).isEqualTo(Level.NONE);
        assertThat(SafetySigns.adviceText(result(false, "NONE", null, null))).isNull();
    }

    @Test
    void a_clinical_review_without_an_urgency_still_advises_seeing_a_clinician() {
        Result older = result(true, null, null, "See a doctor first.");

        assertThat(SafetySigns.fromResult(older)).isEqualTo(Level.SEE_CLINICIAN_FIRST);
        assertThat(SafetySigns.adviceText(older)).isEqualTo("See a doctor first.");
    }
}
