package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content library's authoring pages as a content editor uses them: a routine drafted from published exercises,
 * submitted, sent back (a reason is required), edited, submitted again and published; a publication the service
 * refuses, in its words; a change someone else made in between, never overwritten; a new exercise drafted in its
 * form; everyone without the role refused; and the pages checked by axe-core in a real browser. The library belongs
 * to Upright's own content team (exercises' library tenant), so the editors are staff of that tenant.
 */
class ContentAuthoringPagesIT {

    /** exercises' UPRIGHT_CONTENT_LIBRARY_TENANT as the stack leaves it: only its content editors change the library. */
    private static final String LIBRARY = "upright";
    /** posture-reset's published exercises: 408 s together, a routine's 5–10 minutes. */
    private static final List<String> POSTURE = List.of("posture-reset", "seated-neck-side-stretch", "doorway-chest-opener",
            "wall-angel", "desk-set-up-check");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebPagesStack pages;
    private static TestBrowser cora;

    @BeforeAll
    static void signInCora() throws Exception {
        pages = WebPagesStack.shared();
        cora = new TestBrowser();
        TestBrowser.Page library = pages.signIn(cora, pages.addStaff(LIBRARY, "Cora", "content-editor"), "/content");
        assertThat(library.status()).as(library.body()).isEqualTo(200);
        assertThat(library.document().select("h1").text()).isEqualTo("Content library");
        assertThat(library.document().select("header nav a[href=/content]")).hasSize(1);
        assertThat(library.document().select("table#routines tbody th a").eachText()).contains("Posture reset");
    }

    @Test
    void an_editor_drafts_a_routine_from_published_exercises_and_takes_it_through_review_to_published() throws Exception {
        String id = newId("it-posture-pause");
        TestBrowser.Page drafted = draftRoutine(id, "Posture pause", POSTURE);
        assertThat(drafted.uri().getPath()).isEqualTo("/content/routines/" + id);
        Document draft = drafted.document();
        assertThat(draft.select("#done").text()).contains("The draft is saved");
        assertThat(draft.select("#status").text()).contains("Draft", "never published");
        assertThat(draft.select("ol.content-exercises li code").eachText()).containsExactlyElementsOf(POSTURE);
        assertThat(draft.select("ol.content-exercises li a").first().text()).startsWith("Posture reset");
        assertThat(draft.select("form#publish")).as("a draft is not reviewed").isEmpty();

        TestBrowser.Page submitted = cora.submit(drafted, "form#submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.document().select("#status").text()).contains("In review", "waiting for a reviewer");
        assertThat(submitted.document().select("form#publish, form#reject")).hasSize(2);
        assertThat(submitted.document().select("a#edit")).as("a version in review is not edited").isEmpty();
        TestBrowser.Page waiting = open("/content?status=in-review");
        assertThat(waiting.document().select("table#routines tr.content-in-review th a").eachText()).contains("Posture pause");
        assertThat(waiting.document().select("#review-waiting").text()).contains("for a reviewer");

        // sending it back needs a reason: said at the field, and nothing changes
        TestBrowser.Page noReason = cora.submit(submitted, "form#reject", Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.document().select("#field-reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(noReason.document().select("#reason-error").text()).isNotBlank();
        assertThat(noReason.document().select(".problem a").attr("href")).isEqualTo("#field-reason");
        assertThat(noReason.document().select("#status").text()).contains("In review");

        String reason = "Say how high the arms go in the doorway stretch.";
        TestBrowser.Page rejected = cora.submit(noReason, "form#reject", Map.of("reason", reason));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.document().select("#done").text()).contains("Sent back to draft");
        assertThat(rejected.document().select("#review-note").text()).contains(reason);
        assertThat(rejected.document().select("table#versions tbody td").eachText()).contains(reason);

        // edited: a new title, and the wall angel left out (its row emptied)
        assertThat(rejected.document().select("a#edit").attr("href")).isEqualTo("/content/routines/" + id + "/edit");
        TestBrowser.Page edit = open("/content/routines/" + id + "/edit");
        assertThat(edit.document().select("#field-title").val()).isEqualTo("Posture pause");
        assertThat(edit.document().select("select#field-exerciseIds-3- option[selected]").val()).isEqualTo("wall-angel");
        TestBrowser.Page saved = cora.submit(edit, "form#routine-form",
                Map.of("title", "Posture pause at the desk", "exerciseIds[3]", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.document().select("h1").text()).isEqualTo("Posture pause at the desk");
        assertThat(saved.document().select("ol.content-exercises li code").eachText())
                .containsExactly("posture-reset", "seated-neck-side-stretch", "doorway-chest-opener", "desk-set-up-check");

        TestBrowser.Page again = cora.submit(saved, "form#submit", Map.of());
        TestBrowser.Page published = cora.submit(again, "form#publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.document().select("#done").text()).contains("Published");
        assertThat(published.document().select("#status").text()).contains("Published", "readers get version 1");
        assertThat(published.document().select("form#retire")).hasSize(1);
        assertThat(published.document().select("a#edit").text()).contains("next version");
        assertThat(open("/content?status=published").document().select("table#routines th a").eachText())
                .contains("Posture pause at the desk");

        // what employees' pages read now
        JsonNode served = readAsEmployee("/api/routines/" + id);
        assertThat(served.path("title").asText()).isEqualTo("Posture pause at the desk");
        assertThat(served.path("exercises")).hasSize(4);
    }

    @Test
    void a_publication_the_service_refuses_is_said_in_its_words() throws Exception {
        String id = newId("it-too-short");
        TestBrowser.Page drafted = draftRoutine(id, "Too short", List.of("wall-angel"));
        TestBrowser.Page submitted = cora.submit(drafted, "form#submit", Map.of());
        TestBrowser.Page refused = cora.submit(submitted, "form#publish", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.document().select(".problem").text()).contains("5 to 10 minutes");
        assertThat(refused.document().select("#status").text()).contains("In review");
    }

    @Test
    void a_change_someone_else_made_in_between_is_not_overwritten_and_the_page_says_so() throws Exception {
        String id = newId("it-changed-elsewhere");
        TestBrowser.Page item = draftRoutine(id, "Mine", POSTURE);
        TestBrowser.Page edit = open("/content/routines/" + id + "/edit");

        // another editor renames it meanwhile
        retitleThroughTheApi(id, "Theirs");

        TestBrowser.Page staleSubmit = cora.submit(item, "form#submit", Map.of());
        assertThat(staleSubmit.status()).as(staleSubmit.body()).isEqualTo(409);
        assertThat(staleSubmit.document().select("#stale").text()).contains("Someone else changed this");
        assertThat(staleSubmit.document().select("h1").text()).as("the current version").isEqualTo("Theirs");
        assertThat(staleSubmit.document().select("#status").text()).as("nothing was submitted").contains("Draft");

        TestBrowser.Page staleEdit = cora.submit(edit, "form#routine-form", Map.of("title", "Mine, edited"));
        assertThat(staleEdit.status()).as(staleEdit.body()).isEqualTo(409);
        assertThat(staleEdit.document().select("#stale").text()).contains("Someone else changed this");
        assertThat(staleEdit.document().select("#field-title").val()).as("what was typed is kept").isEqualTo("Mine, edited");
        assertThat(staleEdit.document().select("#current-heading").text()).contains("The current version");
        assertThat(readAsEditor("/api/content/routines/" + id).path("versions").get(0).path("content").path("title").asText())
                .isEqualTo("Theirs");

        // the page now carries the current ETag: saving again, knowingly, goes through
        TestBrowser.Page saved = cora.submit(staleEdit, "form#routine-form", Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.document().select("h1").text()).isEqualTo("Mine, edited");
    }

    @Test
    void a_new_exercise_is_drafted_in_its_form_with_its_drawing_as_json() throws Exception {
        String id = newId("it-standing-reach");
        TestBrowser.Page form = open("/content/new-exercise");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("id", id, "title", "Standing reach",
                "purpose", "Lengthen the front of the body after sitting.",
                "steps", "Stand up tall.\nReach both arms overhead.\nLower them slowly.",
                "safetyNotes", "Stop if your shoulder hurts.", "contraindications", "A recent shoulder injury",
                "position", "standing", "intensity", "gentle", "deskFriendly", "true",
                "source", "Named guideline: NHS advice on sitting less"));
        fields.putAll(Map.of("dose.setupSeconds", "5", "dose.sets", "1", "dose.sides", "1", "dose.reps", "6",
                "dose.secondsPerRep", "5", "dose.restSeconds", "0"));

        // a drawing that is not JSON: said at the drawing, nothing sent, what was typed kept
        fields.put("illustration", "{\"alt\": \"A person reaching up\", view: side}");
        TestBrowser.Page notJson = cora.submit(form, "form#exercise-form", fields);
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(notJson.document().select("#err-illustration").text()).contains("not valid JSON", "line 1");
        assertThat(notJson.document().select("#field-illustration").attr("aria-invalid")).isEqualTo("true");
        assertThat(notJson.document().select("#field-title").val()).isEqualTo("Standing reach");

        // JSON now, but no body area: the service's refusal at that field
        fields.put("illustration", "{\"alt\": \"A person standing with both arms reaching overhead\", \"view\": \"side\","
                + " \"props\": [], \"keyframes\": [{\"shoulder\": 170}]}");
        TestBrowser.Page noArea = cora.submit(notJson, "form#exercise-form", fields);
        assertThat(noArea.status()).as(noArea.body()).isEqualTo(400);
        assertThat(noArea.document().select("#err-bodyAreas").text()).isNotBlank();
        assertThat(noArea.document().select(".problem a[href=#field-bodyAreas]")).hasSize(1);

        fields.put("bodyAreas", "whole-body");
        TestBrowser.Page drafted = cora.submit(noArea, "form#exercise-form", fields);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        assertThat(drafted.uri().getPath()).isEqualTo("/content/exercises/" + id);
        Document page = drafted.document();
        assertThat(page.select("h1").text()).isEqualTo("Standing reach");
        assertThat(page.select("#status").text()).contains("Draft");
        assertThat(page.select("ol li").eachText()).contains("Reach both arms overhead.");
        assertThat(page.select(".exercise-figure svg title").text()).contains("both arms reaching overhead");
        assertThat(page.select(".content-facts").text()).contains("35 seconds");
    }

    @Test
    void people_without_the_content_editor_role_are_refused() throws Exception {
        String tenant = WebPagesStack.newTenant("notEditor");
        WebPagesStack.SignedIn emil = pages.signInNewEmployee(tenant, "Emil");
        for (String path : List.of("/content", "/content/routines/posture-reset", "/content/new-routine",
                "/content/exercises/wall-angel/edit")) {
            TestBrowser.Page refused = pages.open(emil, path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.document().select("h1").text()).isEqualTo("Not for your role");
        }
        assertThat(emil.home().document().select("header nav a[href=/content]")).isEmpty();

        TestBrowser hannasBrowser = new TestBrowser();
        TestBrowser.Page hr = pages.signIn(hannasBrowser, pages.addStaff(tenant, "Hanna", "hr"), "/content");
        assertThat(hr.status()).isEqualTo(403);
        assertThat(hr.document().select("header nav a[href=/content]")).isEmpty();
    }

    @Test
    void the_content_pages_pass_axe_at_desktop_width_and_at_375_px() throws Exception {
        // a routine in review, so its page shows every review form
        String id = newId("it-axe-review");
        String token = editorToken();
        HttpResponse<String> created = api("POST", "/api/content/routines", token, null, routineJson(id, "Axe check", POSTURE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> submitted = api("POST", "/api/content/routines/" + id + "/submit", token,
                created.headers().firstValue("ETag").orElseThrow(), "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        WebPagesStack.Account cleo = pages.addStaff(LIBRARY, "Cleo", "content-editor");
        WebDriver browser = HeadlessChromium.start(1280, 900);
        try {
            browser.get(pages.stack.webUrl() + "/content");
            browser.findElement(By.id("username")).sendKeys(cleo.username());
            browser.findElement(By.id("password")).sendKeys(cleo.password());
            browser.findElement(By.id("kc-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(pages.stack.webUrl()));

            Map<String, List<String>> violations = new LinkedHashMap<>();
            look(browser, "/content", "content-library", violations);
            look(browser, "/content/routines/posture-reset", "content-routine", violations);
            look(browser, "/content/exercises/posture-reset", "content-exercise", violations);
            look(browser, "/content/routines/" + id, "content-routine-in-review", violations);
            // sent back without a reason: the error at its field and in the summary
            browser.findElement(By.cssSelector("form#reject button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("reason-error")).isEmpty());
            check(browser, "content-reject-error", violations);
            look(browser, "/content/routines/posture-reset/edit", "content-routine-edit", violations);
            look(browser, "/content/exercises/posture-reset/edit", "content-exercise-edit", violations);
            look(browser, "/content/new-routine", "content-new-routine", violations);
            browser.findElement(By.cssSelector("form#routine-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            check(browser, "content-new-routine-errors", violations);

            assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        } finally {
            browser.quit();
        }
    }

    // --- helpers

    private static void look(WebDriver browser, String path, String name, Map<String, List<String>> violations) {
        browser.get(pages.stack.webUrl() + path);
        check(browser, name, violations);
    }

    /** axe at desktop width and at 375 px (where nothing may scroll sideways), and a screenshot of each under target/. */
    private static void check(WebDriver browser, String name, Map<String, List<String>> violations) {
        assertThat(browser.findElements(By.tagName("h1"))).as(name + " has its heading").hasSize(1);
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        List<String> found = new ArrayList<>(HeadlessChromium.accessibilityViolations(browser));
        HeadlessChromium.screenshot(browser, root, name + "-desktop", false);
        browser.manage().window().setSize(new Dimension(375, 812));
        found.addAll(HeadlessChromium.accessibilityViolations(browser).stream().map(v -> "at 375 px: " + v).toList());
        if (Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1"))) {
            found.add("at 375 px: the page is wider than the screen (scrolls sideways)");
        }
        HeadlessChromium.screenshot(browser, root, name + "-phone", false);
        browser.manage().window().setSize(new Dimension(1280, 900));
        violations.put(name, found);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TestBrowser.Page open(String path) throws Exception {
        return cora.open(URI.create(pages.stack.webUrl() + path));
    }

    /** The new-routine form filled in and saved: lands on the draft's page. */
    private static TestBrowser.Page draftRoutine(String id, String title, List<String> exercises) throws Exception {
        TestBrowser.Page form = open("/content/new-routine");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Element firstRow = form.document().selectFirst("select#field-exerciseIds-0-");
        assertThat(firstRow).isNotNull();
        assertThat(firstRow.select("option").eachAttr("value")).as("published exercises offered").containsAll(exercises);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("id", id, "title", title,
                "purpose", "A short reset of neck, shoulders and desk.", "level", "beginner", "next", "posture-builder"));
        for (int i = 0; i < exercises.size(); i++) {
            fields.put("exerciseIds[" + i + "]", exercises.get(i));
        }
        TestBrowser.Page drafted = cora.submit(form, "form#routine-form", fields);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        return drafted;
    }

    /** Another editor's change, straight through exercises' API with its current ETag. */
    private static void retitleThroughTheApi(String id, String title) throws Exception {
        String token = editorToken();
        HttpResponse<String> read = api("GET", "/api/content/routines/" + id, token, null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode content = Api.JSON.readTree(read.body()).path("versions").get(0).path("content");
        List<String> exercises = new ArrayList<>();
        content.path("exerciseIds").forEach(e -> exercises.add(e.asText()));
        HttpResponse<String> edited = api("PUT", "/api/content/routines/" + id, token,
                read.headers().firstValue("ETag").orElseThrow(), routineJson(id, title, exercises));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    }

    private static String routineJson(String id, String title, List<String> exercises) throws Exception {
        return Api.JSON.writeValueAsString(Map.of("id", id, "title", title, "purpose", "A short reset.",
                "level", "beginner", "exerciseIds", exercises));
    }

    private static String editorToken() {
        return pages.stack.tokens().issue(LIBRARY, "editor-" + UUID.randomUUID(), "content-editor");
    }

    private static JsonNode readAsEditor(String path) throws Exception {
        HttpResponse<String> read = api("GET", path, editorToken(), null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Api.JSON.readTree(read.body());
    }

    private static JsonNode readAsEmployee(String path) throws Exception {
        String token = pages.stack.tokens().issue(WebPagesStack.newTenant("reader"), UUID.randomUUID().toString(), "employee");
        HttpResponse<String> read = api("GET", path, token, null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Api.JSON.readTree(read.body());
    }

    private static HttpResponse<String> api(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pages.stack.baseUrl("exercises") + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
