package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routine pages in a browser: today's routine with a drawing per exercise, the player one exercise at a time,
 * and "I did it" logging a session in the exercises service; a paused routine shows no exercises at all.
 */
class RoutinePagesIT {

    private static final WebPagesStack pages = WebPagesStack.shared();

    @Test
    void an_employee_sees_their_routine_with_drawings_plays_it_to_the_end_and_logs_it_with_how_it_felt() throws Exception {
        var emil = pages.signInNewEmployee(WebPagesStack.newTenant("routine"), "Emil");
        JsonNode recommended = assessAndAwaitRecommendation(emil, DeskAnswers.riskyDesk());
        String routineId = recommended.path("routine").path("id").asText();
        int exercises = recommended.path("routine").path("exercises").size();
        assertThat(exercises).isPositive();

        TestBrowser.Page routine = pages.open(emil, "/routine");
        assertThat(routine.status()).isEqualTo(200);
        Document page = routine.document();
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.text()).contains(recommended.path("message").asText(), recommended.path("routine").path("title").asText());
        assertThat(page.select("li.card")).hasSize(exercises);
        for (Element card : page.select("li.card")) {
            Element svg = card.selectFirst("svg[role=img]");
            assertThat(svg).as(card.text()).isNotNull();
            assertThat(svg.selectFirst("title").text()).as("alt text of " + card.selectFirst("h4").text()).isNotBlank();
            assertThat(card.select(".safety li")).as("safety notes").isNotEmpty();
            assertThat(card.select("ol li")).as("numbered steps").isNotEmpty();
        }
        Element start = page.selectFirst("a[href='/routine/play?step=1']");
        assertThat(start).isNotNull();

        // the player: one exercise at a time, Next until the finish
        TestBrowser.Page step = pages.open(emil, start.attr("href"));
        for (int i = 1; i <= exercises; i++) {
            Document shown = step.document();
            assertThat(shown.text()).contains("Exercise " + i + " of " + exercises);
            assertThat(shown.select("section.card h2").text())
                    .isEqualTo(recommended.path("routine").path("exercises").get(i - 1).path("title").asText());
            assertThat(shown.select("svg[role=img] > title")).hasSize(1);
            assertThat(shown.selectFirst(".timer").attr("data-seconds")).isNotBlank();
            assertThat(shown.select("a[rel=prev]")).hasSize(i == 1 ? 0 : 1);
            step = pages.open(emil, shown.selectFirst("a[rel=next]").attr("href"));
        }
        Document finish = step.document();
        assertThat(finish.selectFirst("input#field-minutes").attr("value"))
                .isEqualTo(recommended.path("routine").path("durationMinutes").asText());
        assertThat(finish.select("fieldset#field-feltRating input[type=radio]")).hasSize(5);
        assertThat(finish.selectFirst("fieldset#field-feltRating legend")).isNotNull();
        assertThat(finish.select("label[for=felt-3]").text()).contains("about right");

        // a bad value is shown at its field and summarised at the top, and nothing is logged
        TestBrowser.Page refused = emil.browser().submit(step, "form#log", Map.of("minutes", "0", "feltRating", "4"));
        Document again = refused.document();
        assertThat(again.selectFirst("input#field-minutes").attr("aria-invalid")).isEqualTo("true");
        assertThat(again.selectFirst("input#field-minutes").attr("aria-describedby")).contains("minutes-error");
        assertThat(again.selectFirst("#minutes-error.field-error").text()).isNotBlank();
        assertThat(again.select("#problem a[href=#field-minutes]")).hasSize(1);
        assertThat(again.selectFirst("#felt-4").hasAttr("checked")).as("the rating chosen stays chosen").isTrue();
        assertThat(pages.read(emil, "exercises", "/api/me/exercise-sessions").path("total").asInt()).isZero();

        // "I did it" with the routine's minutes and a felt rating
        TestBrowser.Page logged = emil.browser().submit(refused, "form#log",
                Map.of("minutes", recommended.path("routine").path("durationMinutes").asText(), "feltRating", "4", "discomfort", "1"));
        assertThat(logged.uri().getPath()).isEqualTo("/routine");
        assertThat(logged.document().select(".done").text()).contains("logged");
        JsonNode sessions = pages.read(emil, "exercises", "/api/me/exercise-sessions");
        assertThat(sessions.path("total").asInt()).isEqualTo(1);
        JsonNode session = sessions.path("items").get(0);
        assertThat(session.path("routineId").asText()).isEqualTo(routineId);
        assertThat(session.path("feltRating").asInt()).isEqualTo(4);
        assertThat(session.path("discomfort").asInt()).isEqualTo(1);
        assertThat(session.path("minutes").asInt()).isEqualTo(recommended.path("routine").path("durationMinutes").asInt());
    }

    @Test
    void a_routine_paused_for_clinical_review_says_so_points_to_a_clinician_and_shows_no_exercises() throws Exception {
        var ida = pages.signInNewEmployee(WebPagesStack.newTenant("routine"), "Ida");
        Map<String, Object> redFlag = DeskAnswers.riskyDesk();
        redFlag.put("legNumbnessOrTingling", true);
        JsonNode recommended = assessAndAwaitRecommendation(ida, redFlag);
        assertThat(recommended.path("withheldForClinicalReview").asBoolean()).isTrue();

        Document page = pages.open(ida, "/routine").document();
        assertThat(page.select(".advice h2").text()).contains("paused");
        assertThat(page.text()).contains(recommended.path("message").asText()).contains("physiotherapist");
        assertThat(page.select("li.card")).isEmpty();
        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("a[href^=/routine/play]")).isEmpty();
        // the player has nothing to play either: back to the routine page
        assertThat(pages.open(ida, "/routine/play?step=1").uri().getPath()).isEqualTo("/routine");
    }

    @Test
    void before_any_desk_check_the_routine_page_points_to_the_desk_check() throws Exception {
        var jo = pages.signInNewEmployee(WebPagesStack.newTenant("routine"), "Jo");
        Document page = pages.open(jo, "/routine").document();
        assertThat(page.select("a[href=/desk-check].button")).hasSize(1);
        assertThat(page.select(".problem")).isEmpty();
    }

    /** The person does a workstation-basics check through the assessments API; returns the recommendation it led to. */
    private static JsonNode assessAndAwaitRecommendation(WebPagesStack.SignedIn person, Map<String, Object> answers) throws Exception {
        String token = pages.stack.tokens().issue(person.tenant(), person.employeeId(), "employee");
        Api assessments = new Api(pages.stack.baseUrl("assessments"), token);
        String assessment = assessments.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
        assessments.put("/api/assessments/" + assessment + "/answers", Map.of("answers", answers));
        assessments.post("/api/assessments/" + assessment + "/submission", Map.of());
        Api exercises = new Api(pages.stack.baseUrl("exercises"), token);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (exercises.status("/api/me/recommendation") == 200) {
                return exercises.get("/api/me/recommendation");
            }
            assertThat(Instant.now()).as("exercises recommends within a minute").isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
