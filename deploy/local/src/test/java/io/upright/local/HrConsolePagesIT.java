package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR console in the browser: HR uploads a roster, reads the preview, imports it and follows its progress; imports
 * the same file again; is shown a duplicate email at its row; and launches a program for one team through the wizard.
 * What programs then holds is read with its own API and a dev HR token.
 */
class HrConsolePagesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n";
    private final WebPagesStack pages = WebPagesStack.shared();
    private final HrFixture hr = new HrFixture(pages);

    private static String threePeopleInTwoTeams(String tenant) {
        return HEADER
                + "ada@" + tenant + ".example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,@ada,true\n"
                + "bob@" + tenant + ".example,Bob Builder,Finance,Europe/Berlin,08:00,16:00,,false\n"
                + "cy@" + tenant + ".example,\"Young, Cy\",Support,America/New_York,09:00,17:00,,\n";
    }

    @Test
    void hr_uploads_a_roster_previews_it_imports_it_and_importing_it_again_changes_nothing() throws Exception {
        String tenant = WebPagesStack.newTenant("roster");
        HrFixture.Hr helga = hr.signInNewHr(tenant, "Helga");
        String csv = threePeopleInTwoTeams(tenant);

        TestBrowser.Page form = helga.open("/hr/import");
        assertThat(form.status()).isEqualTo(200);
        TestBrowser.Page preview = hr.uploadFile(helga, form, "roster.csv", csv);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document shown = preview.document();
        assertThat(shown.select("table#preview-rows tbody tr")).hasSize(3);
        assertThat(shown.select("table#preview-rows tbody tr th")).extracting(Element::text).containsExactly("2", "3", "4");
        assertThat(shown.select("table#preview-rows tbody tr td:nth-of-type(4)")).extracting(Element::text)
                .containsOnly("Enrol");
        assertThat(shown.select("#dry-run").text()).contains("3 rows", "2 new teams", "3 people enrolled");
        assertThat(shown.select("#row-3 td:nth-of-type(2)").text()).isEqualTo("Bob Builder");
        assertThat(hr.teams(tenant).path("total").asInt()).as("a preview writes nothing").isZero();

        TestBrowser.Page done = hr.importAndAwait(helga, preview);
        assertThat(done.document().select("#import-done").text()).contains("The import is finished",
                "2 new teams created", "3 people enrolled");
        JsonNode teams = hr.teams(tenant);
        assertThat(teams.path("total").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        teams.path("items").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactly("Finance", "Support");
        String finance = teams.path("items").get(0).path("id").asText();
        JsonNode employees = hr.read(tenant, "/api/teams/" + finance + "/employees");
        assertThat(employees.path("total").asInt()).isEqualTo(2);
        assertThat(employees.path("items").get(0).path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(employees.path("items").get(0).path("standingDesk").asBoolean()).isTrue();

        // the same file again, pasted as text this time (the keyboard's way): every row is unchanged
        TestBrowser.Page again = helga.browser().submit(helga.open("/hr/import"), "form#upload", Map.of("csv", csv));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.document().select("table#preview-rows tbody tr td:nth-of-type(4)")).extracting(Element::text)
                .containsExactly("Unchanged", "Unchanged", "Unchanged");
        TestBrowser.Page reimported = hr.importAndAwait(helga, again);
        assertThat(reimported.document().select("#import-done").text()).contains("0 new teams created",
                "0 people enrolled", "3 unchanged");
        assertThat(hr.teams(tenant).path("total").asInt()).isEqualTo(2);
        assertThat(hr.read(tenant, "/api/teams/" + finance + "/employees").path("total").asInt()).isEqualTo(2);
    }

    @Test
    void a_duplicate_email_is_shown_at_its_row_and_nothing_can_be_imported() throws Exception {
        String tenant = WebPagesStack.newTenant("dupes");
        HrFixture.Hr hanna = hr.signInNewHr(tenant, "Hanna");
        String csv = HEADER
                + "ada@" + tenant + ".example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,,\n"
                + "ADA@" + tenant + ".example,Ada Again,Support,Europe/Berlin,09:00,17:30,,\n"
                + "cy@" + tenant + ".example,Cy,Support,Mars/Base,09:00,17:00,,\n";

        TestBrowser.Page preview = hr.uploadFile(hanna, hanna.open("/hr/import"), "roster.csv", csv);
        Document shown = preview.document();
        assertThat(shown.select("#row-errors").text()).contains("2 rows have errors");
        assertThat(shown.select("#row-errors a")).extracting(e -> e.attr("href")).containsExactly("#row-3", "#row-4");
        assertThat(shown.select("#row-3 #field-lines-3--email").text()).contains("first on line 2");
        assertThat(shown.select("#row-4 #field-lines-4--timeZone").text()).contains("IANA time zone");
        assertThat(shown.select("#row-3 td:nth-of-type(4)").text()).isEqualTo("Error");
        assertThat(shown.select("form#apply")).as("no import button while a row has an error").isEmpty();
        assertThat(shown.select("textarea#csv").text()).contains("ADA@" + tenant);

        // and a file that is not a roster at all is said so, at the file
        TestBrowser.Page notCsv = hr.uploadFile(hanna, hanna.open("/hr/import"), "notes.csv", "name;age\nAda;36\n");
        assertThat(notCsv.document().select("#file-errors").text()).contains("misses the column email");
        assertThat(hr.teams(tenant).path("total").asInt()).isZero();
    }

    @Test
    void hr_launches_a_program_for_one_team_with_its_champion_through_the_wizard() throws Exception {
        String tenant = WebPagesStack.newTenant("launch");
        HrFixture.Hr hugo = hr.signInNewHr(tenant, "Hugo");
        hr.importAndAwait(hugo, hr.uploadFile(hugo, hugo.open("/hr/import"), "roster.csv", threePeopleInTwoTeams(tenant)));
        JsonNode finance = hr.teams(tenant).path("items").get(0);
        String financeId = finance.path("id").asText();
        String bob = hr.read(tenant, "/api/teams/" + financeId + "/employees").path("items").get(1).path("id").asText();

        TestBrowser.Page wizard = hugo.open("/hr/programs/new");
        assertThat(wizard.status()).isEqualTo(200);
        Document form = wizard.document();
        assertThat(form.select("fieldset#field-teamIds label")).extracting(Element::text).containsExactly("Finance", "Support");
        assertThat(form.select("select#field-champion-" + financeId + " option")).extracting(Element::text)
                .containsExactly("No champion", "Ada Lovelace", "Bob Builder");

        // a launch date that is not a date is said at the date, and nothing is created
        TestBrowser.Page refused = hugo.browser().submit(wizard, "form#program", Map.of("title", "Stand up, Finance",
                "teamIds", financeId, "startsOn", "next monday"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#field-startsOn").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().select(".problem a").attr("href")).isEqualTo("#field-startsOn");
        assertThat(hr.read(tenant, "/api/programs").path("total").asInt()).isZero();

        String monday = LocalDate.now().plusDays(7).toString();
        TestBrowser.Page launched = hugo.browser().submit(wizard, "form#program", Map.of("title", "Stand up, Finance",
                "teamIds", financeId, "champion-" + financeId, bob, "startsOn", monday));
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        assertThat(launched.uri().getPath()).isEqualTo("/hr/programs");
        assertThat(launched.document().select("#launched").text()).contains("The program is launched");
        assertThat(launched.document().select("table#programs tbody tr").first().text())
                .contains("Stand up, Finance", "Launched", monday);

        JsonNode program = hr.read(tenant, "/api/programs").path("items").get(0);
        assertThat(program.path("status").asText()).isEqualTo("launched");
        assertThat(program.path("startsOn").asText()).isEqualTo(monday);
        assertThat(program.path("teamIds").get(0).asText()).isEqualTo(financeId);
        JsonNode champions = hr.read(tenant, "/api/programs/" + program.path("id").asText() + "/teams/" + financeId + "/champions");
        assertThat(champions.get(0).path("employeeId").asText()).isEqualTo(bob);
    }

    @Test
    void an_employee_is_told_the_console_is_not_for_their_role() throws Exception {
        var emil = pages.signInNewEmployee(WebPagesStack.newTenant("notHr"), "Emil");
        TestBrowser.Page page = pages.open(emil, "/hr/import");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().select("h1").text()).isEqualTo("Not for your role");
    }

    /** Signs in HR people (no employee id) and does what their browser does on the console's pages. */
    static final class HrFixture {

        private final WebPagesStack pages;

        HrFixture(WebPagesStack pages) {
            this.pages = pages;
        }

        record Hr(TestBrowser browser, String tenant, String webUrl) {
            TestBrowser.Page open(String path) throws Exception {
                return browser.open(URI.create(webUrl + path));
            }
        }

        Hr signInNewHr(String tenant, String firstName) throws Exception {
            TestBrowser browser = new TestBrowser();
            TestBrowser.Page console = pages.signIn(browser, pages.addStaff(tenant, firstName, "hr"), "/hr");
            assertThat(console.status()).as(console.body()).isEqualTo(200);
            assertThat(console.document().select("h1").text()).isEqualTo("HR console");
            return new Hr(browser, tenant, pages.stack.webUrl());
        }

        /** The upload form sent as a browser sends it with a file chosen: multipart, its hidden fields included. */
        TestBrowser.Page uploadFile(Hr hr, TestBrowser.Page form, String filename, String content) throws Exception {
            Element upload = form.document().selectFirst("form#upload");
            assertThat(upload).as(form.body()).isNotNull();
            String boundary = "----upright" + UUID.randomUUID().toString().replace("-", "");
            StringBuilder body = new StringBuilder();
            for (Element hidden : upload.select("input[type=hidden]")) {
                body.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(hidden.attr("name")).append("\"\r\n\r\n")
                        .append(hidden.attr("value")).append("\r\n");
            }
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(filename).append("\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n");
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"csv\"\r\n\r\n\r\n");
            body.append("--").append(boundary).append("--\r\n");
            return hr.browser().follow(hr.browser().send(HttpRequest.newBuilder(URI.create(upload.absUrl("action")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()));
        }

        /** Presses Import on a preview, then reloads the progress page (as its Refresh header does) until it is done. */
        TestBrowser.Page importAndAwait(Hr hr, TestBrowser.Page preview) throws Exception {
            TestBrowser.Page progress = hr.browser().submit(preview, "form#apply", Map.of());
            assertThat(progress.status()).as(progress.body()).isEqualTo(200);
            assertThat(progress.uri().getPath()).matches("/hr/import/[0-9a-f-]{36}");
            Instant deadline = Instant.now().plusSeconds(60);
            while (progress.response().headers().firstValue("Refresh").isPresent()) {
                assertThat(progress.document().select("progress#import-progress")).hasSize(1);
                assertThat(Instant.now()).as("the import finishes within a minute").isBefore(deadline);
                Thread.sleep(500);
                progress = hr.browser().open(progress.uri());
            }
            assertThat(progress.document().select("#import-failed")).as(progress.body()).isEmpty();
            return progress;
        }

        JsonNode teams(String tenant) throws Exception {
            return read(tenant, "/api/teams?size=200");
        }

        /** Programs' own answer, read with a dev HR token of the tenant. */
        JsonNode read(String tenant, String path) throws Exception {
            String token = pages.stack.tokens().issue(tenant, "hr-check", "hr");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pages.stack.baseUrl("programs") + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return Api.JSON.readTree(response.body());
        }
    }
}
