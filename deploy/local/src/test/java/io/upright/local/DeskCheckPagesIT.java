package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk check in the browser: an employee starts a check, answers it section by section (safety first), and reads
 * the result; what the assessments service then holds is checked with its own API.
 */
class DeskCheckPagesIT {

    private static final Pattern ASSESSMENT = Pattern.compile("/desk-check/([0-9a-f-]{36})");
    private final WebPagesStack pages = WebPagesStack.shared();

    @Test
    void an_employee_completes_the_workstation_basics_check_section_by_section_and_sees_the_result() throws Exception {
        var emil = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Emil");
        TestBrowser.Page start = pages.open(emil, "/desk-check");
        assertThat(start.status()).isEqualTo(200);
        Document startPage = start.document();
        assertThat(startPage.select("form#start input[name=templateId]")).extracting(e -> e.attr("value"))
                .contains("workstation-basics", "rosa");
        assertThat(startPage.select("label[for=template-workstation-basics]").text()).isEqualTo("Workstation basics");

        TestBrowser.Page page = emil.browser().submit(start, "form#start", Map.of("templateId", "workstation-basics"));
        assertThat(page.uri().getPath()).endsWith("/sections/safety");
        assertThat(page.document().select("h1").text()).isEqualTo("Safety check");
        assertThat(page.document().select("#progress-text").text()).contains("section 1 of 5");
        String id = assessmentId(page.uri());

        int sections = 0;
        while (page.uri().getPath().contains("/sections/")) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.document().select("#safety-advice")).isEmpty();
            page = emil.browser().submit(page, "form#answers", answerAll(page, "false"));
            sections++;
        }
        assertThat(sections).isEqualTo(5);
        assertThat(page.uri().getPath()).isEqualTo("/desk-check/" + id + "/review");
        assertThat(page.document().text()).contains("You answered 29 of 29 questions.");

        TestBrowser.Page result = emil.browser().submit(page, "form#submit", Map.of());
        assertThat(result.uri().getPath()).isEqualTo("/desk-check/" + id + "/result");
        Document shown = result.document();
        assertThat(shown.select("h1").text()).isEqualTo("Your desk check result");
        // feet, knees, back and screen answered no, no standing desk: 1 + 1 + 2 + 2 + 1
        assertThat(shown.select("#score").text()).contains("7 out of 20", "moderate risk");
        assertThat(shown.select(".deskcheck-findings li")).hasSize(5);
        assertThat(shown.select(".deskcheck-findings li").first().text()).contains("What to do:");
        assertThat(shown.text()).doesNotContain("Nothing to fix").contains("This is your first result of this check.");
        assertThat(shown.select("#clinician-advice")).isEmpty();
        assertThat(shown.select("svg[role=img] title").text()).contains("Workstation basics");
        assertThat(shown.select("svg circle")).hasSize(1);
        assertThat(shown.select("section[aria-labelledby=trend-heading] tbody tr")).hasSize(1);

        JsonNode latest = pages.read(emil, "assessments", "/api/me/assessments/latest");
        assertThat(latest.path("assessmentId").asText()).isEqualTo(id);
        assertThat(latest.path("result").path("score").asInt()).isEqualTo(7);
        assertThat(pages.read(emil, "assessments", "/api/assessments/" + id).path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_wrong_value_is_shown_at_its_question_and_nothing_else_is_lost() throws Exception {
        var erna = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Erna");
        TestBrowser.Page page = begin(erna, "workstation-basics");
        String id = assessmentId(page.uri());
        while (!page.uri().getPath().endsWith("/sections/habits")) {
            page = erna.browser().submit(page, "form#answers", answerAll(page, "false"));
        }

        TestBrowser.Page refused = erna.browser().submit(page, "form#answers",
                Map.of("hoursSittingPerDay", "99", "longestSittingBoutMinutes", "45", "standUpFrequency", "hourly"));

        assertThat(refused.status()).isEqualTo(400);
        Document shown = refused.document();
        Element hours = shown.selectFirst("#field-answers-hoursSittingPerDay");
        assertThat(hours).isNotNull();
        assertThat(hours.attr("aria-invalid")).isEqualTo("true");
        assertThat(hours.val()).isEqualTo("99");
        assertThat(hours.attr("aria-describedby")).contains("error-hoursSittingPerDay");
        assertThat(shown.select("#error-hoursSittingPerDay").text()).contains("16");
        assertThat(shown.select(".problem a[href=#field-answers-hoursSittingPerDay]").text()).contains("sit");
        assertThat(shown.selectFirst("#field-answers-longestSittingBoutMinutes").val()).isEqualTo("45");
        assertThat(shown.select("input[name=standUpFrequency][checked]").attr("value")).isEqualTo("hourly");

        JsonNode saved = pages.read(erna, "assessments", "/api/assessments/" + id).path("answers");
        assertThat(saved.has("hoursSittingPerDay")).isFalse();
        assertThat(saved.path("feetFlatOnFloor").asBoolean(true)).isFalse();
        assertThat(saved.path("legNumbnessOrTingling").isBoolean()).isTrue();

        TestBrowser.Page next = erna.browser().submit(refused, "form#answers", Map.of("hoursSittingPerDay", "7"));
        assertThat(next.uri().getPath()).endsWith("/sections/comfort");
        JsonNode now = pages.read(erna, "assessments", "/api/assessments/" + id).path("answers");
        assertThat(now.path("hoursSittingPerDay").asInt()).isEqualTo(7);
        assertThat(now.path("longestSittingBoutMinutes").asInt()).isEqualTo(45);
        assertThat(now.path("standUpFrequency").asText()).isEqualTo("hourly");
    }

    @Test
    void saving_to_finish_later_and_resuming_from_the_start_page_continues_where_they_left() throws Exception {
        var ida = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Ida");
        TestBrowser.Page page = begin(ida, "workstation-basics");
        String id = assessmentId(page.uri());
        page = ida.browser().submit(page, "form#answers", answerAll(page, "false"));
        assertThat(page.uri().getPath()).endsWith("/sections/precautions");

        Map<String, String> later = new LinkedHashMap<>(answerAll(page, "false"));
        later.put("action", "later");
        TestBrowser.Page start = ida.browser().submit(page, "form#answers", later);

        assertThat(start.uri().getPath()).isEqualTo("/desk-check");
        assertThat(start.document().select(".done").text()).contains("saved");
        assertThat(pages.read(ida, "assessments", "/api/assessments/" + id).path("answers").path("pregnant").asBoolean(true)).isFalse();
        Element resume = start.document().selectFirst("a[href=/desk-check/" + id + "]");
        assertThat(resume).as(start.body()).isNotNull();

        TestBrowser.Page resumed = pages.open(ida, resume.attr("href"));
        assertThat(resumed.uri().getPath()).isEqualTo("/desk-check/" + id + "/sections/setup");
        assertThat(resumed.document().select("#progress-text").text()).contains("section 3 of 5");

        TestBrowser.Page back = ida.browser().submit(resumed, "form#answers", Map.of("action", "back"));
        assertThat(back.uri().getPath()).endsWith("/sections/precautions");
        assertThat(back.document().select("input[name=pregnant][checked]").attr("value")).isEqualTo("false");
    }

    @Test
    void a_yes_on_a_safety_question_brings_plain_advice_to_see_a_clinician_before_anything_else() throws Exception {
        var olaf = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Olaf");
        TestBrowser.Page safety = begin(olaf, "workstation-basics");
        Map<String, String> nerve = new LinkedHashMap<>(answerAll(safety, "false"));
        nerve.put("painRadiatesDownLeg", "true");

        TestBrowser.Page precautions = olaf.browser().submit(safety, "form#answers", nerve);

        Document shown = precautions.document();
        assertThat(shown.select("#safety-advice").text()).contains("doctor or physiotherapist before you do any exercises");
        assertThat(shown.select("main > *").first().id()).isEqualTo("safety-advice");

        TestBrowser.Page backToSafety = olaf.browser().submit(precautions, "form#answers", Map.of("action", "back"));
        assertThat(backToSafety.document().select("input[name=painRadiatesDownLeg][checked]").attr("value")).isEqualTo("true");
        TestBrowser.Page urgent = olaf.browser().submit(backToSafety, "form#answers", Map.of("saddleNumbness", "true"));
        assertThat(urgent.document().select("#safety-advice").text()).contains("medical care today", "emergency");

        TestBrowser.Page page = urgent;
        while (page.uri().getPath().contains("/sections/")) {
            assertThat(page.document().select("#safety-advice").text()).contains("medical care today");
            page = olaf.browser().submit(page, "form#answers", answerAll(page, "false"));
        }
        assertThat(page.document().select("#safety-advice").text()).contains("medical care today");
        TestBrowser.Page result = olaf.browser().submit(page, "form#submit", Map.of());
        Document resultPage = result.document();
        assertThat(resultPage.select("main > *").first().id()).isEqualTo("clinician-advice");
        assertThat(resultPage.select("#clinician-advice").text()).contains("medical care today", "emergency department");
    }

    @Test
    void submitting_with_answers_missing_leads_to_the_first_open_question() throws Exception {
        var nils = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Nils");
        TestBrowser.Page safety = begin(nils, "workstation-basics");
        String id = assessmentId(safety.uri());
        Map<String, String> mostly = new LinkedHashMap<>(answerAll(safety, "false"));
        mostly.remove("historyOfCancer");
        nils.browser().submit(safety, "form#answers", mostly);

        TestBrowser.Page review = pages.open(nils, "/desk-check/" + id + "/review");
        assertThat(review.document().text()).contains("You answered 13 of 29 questions.");
        TestBrowser.Page refused = nils.browser().submit(review, "form#submit", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        Document shown = refused.document();
        assertThat(shown.select("h1").text()).isEqualTo("Safety check");
        assertThat(shown.select("#field-answers-historyOfCancer #error-historyOfCancer")).hasSize(1);
        assertThat(shown.select("input[name=historyOfCancer]").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.select(".problem a[href=#field-answers-historyOfCancer]")).hasSize(1);
        assertThat(shown.select("input[name=legNumbnessOrTingling][checked]").attr("value")).isEqualTo("false");
        assertThat(pages.read(nils, "assessments", "/api/assessments/" + id).path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void a_rosa_check_can_be_completed() throws Exception {
        var rosa = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Rosa");
        TestBrowser.Page page = begin(rosa, "rosa");
        String id = assessmentId(page.uri());
        assertThat(page.document().select("h1").text()).isEqualTo("Safety check");

        while (page.uri().getPath().contains("/sections/")) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page = rosa.browser().submit(page, "form#answers", firstOfEach(page));
        }
        assertThat(page.document().text()).contains("You answered 52 of 52 questions.");
        TestBrowser.Page result = rosa.browser().submit(page, "form#submit", Map.of());

        assertThat(result.uri().getPath()).isEqualTo("/desk-check/" + id + "/result");
        Document shown = result.document();
        assertThat(shown.select("#score").text()).contains("out of 10");
        assertThat(shown.text()).contains("ergonomist").doesNotContain("Nothing to fix");
        JsonNode latest = pages.read(rosa, "assessments", "/api/me/assessments/latest");
        assertThat(latest.path("assessmentId").asText()).isEqualTo(id);
        assertThat(latest.path("templateId").asText()).isEqualTo("rosa");
    }

    @Test
    void a_second_check_shows_what_changed_since_last_time_and_the_trend_of_both() throws Exception {
        var karl = pages.signInNewEmployee(WebPagesStack.newTenant("desk"), "Karl");
        complete(karl, "false");

        TestBrowser.Page again = complete(karl, "true");

        Document shown = again.document();
        assertThat(shown.select("#score").text()).contains("0 out of 20", "low risk");
        assertThat(shown.text()).contains("Nothing to fix right now",
                "Last time (", "your score was 7; now it is 0.", "That is 7 lower, which is better.");
        assertThat(shown.select("section[aria-labelledby=changes-heading] h3").eachText())
                .containsExactly("Fixed since last time");
        assertThat(shown.select("section[aria-labelledby=changes-heading] ul li")).hasSize(5);
        assertThat(shown.select("section[aria-labelledby=changes-heading] tbody tr")).isNotEmpty();
        assertThat(shown.select("svg polyline")).hasSize(1);
        assertThat(shown.select("svg circle")).hasSize(2);
        assertThat(shown.select("section[aria-labelledby=trend-heading] tbody tr").eachText())
                .hasSize(2).anySatisfy(row -> assertThat(row).contains("7 out of 20"))
                .anySatisfy(row -> assertThat(row).contains("0 out of 20", "this check"));
    }

    // --- helpers

    /** Starts and submits a workstation-basics check, yes/no answered {@code bool} except the safety screen (no). */
    private TestBrowser.Page complete(WebPagesStack.SignedIn person, String bool) throws Exception {
        TestBrowser.Page page = begin(person, "workstation-basics");
        while (page.uri().getPath().contains("/sections/")) {
            boolean screen = page.uri().getPath().endsWith("/safety") || page.uri().getPath().endsWith("/precautions");
            page = person.browser().submit(page, "form#answers", answerAll(page, screen ? "false" : bool));
        }
        return person.browser().submit(page, "form#submit", Map.of());
    }

    private TestBrowser.Page begin(WebPagesStack.SignedIn person, String templateId) throws Exception {
        TestBrowser.Page start = pages.open(person, "/desk-check");
        TestBrowser.Page first = person.browser().submit(start, "form#start", Map.of("templateId", templateId));
        assertThat(first.uri().getPath()).as(first.body()).endsWith("/sections/safety");
        return first;
    }

    private static String assessmentId(URI uri) {
        Matcher id = ASSESSMENT.matcher(uri.getPath());
        assertThat(id.find()).as(uri.toString()).isTrue();
        return id.group(1);
    }

    /** Every question of the page: yes/no as {@code bool}, other radio groups their first option, numbers their minimum. */
    private static Map<String, String> answerAll(TestBrowser.Page page, String bool) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Element radio : page.document().select("form#answers input[type=radio]")) {
            String name = radio.attr("name");
            boolean yesNo = !page.document().select("form#answers input[name=" + name + "][value=" + bool + "]").isEmpty();
            answers.putIfAbsent(name, yesNo ? bool : radio.attr("value"));
        }
        for (Element number : page.document().select("form#answers input[type=number]")) {
            answers.put(number.attr("name"), number.attr("min"));
        }
        return answers;
    }

    /** Every question of the page from the form's own inputs: each radio group's first option, each number's minimum. */
    private static Map<String, String> firstOfEach(TestBrowser.Page page) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Element radio : page.document().select("form#answers input[type=radio]")) {
            answers.putIfAbsent(radio.attr("name"), radio.attr("value"));
        }
        for (Element number : page.document().select("form#answers input[type=number]")) {
            answers.put(number.attr("name"), number.attr("min"));
        }
        return answers;
    }
}
