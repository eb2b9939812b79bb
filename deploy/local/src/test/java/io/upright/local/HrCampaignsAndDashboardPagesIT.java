package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR console's campaigns page (assessments' campaigns, started from a form) and a program's figures from insights
 * inside the console. What the services hold is read with their own APIs and a dev HR token.
 */
class HrCampaignsAndDashboardPagesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n";
    private final WebPagesStack pages = WebPagesStack.shared();
    private final HrConsolePagesIT.HrFixture hr = new HrConsolePagesIT.HrFixture(pages);

    private static String twoPeopleInFinance(String tenant) {
        return HEADER
                + "ada@" + tenant + ".example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,,true\n"
                + "bob@" + tenant + ".example,Bob Builder,Finance,Europe/Berlin,08:00,16:00,,false\n";
    }

    @Test
    void an_hr_person_starts_a_campaign_for_a_team_and_sees_it_listed_with_its_small_coverage_as_words() throws Exception {
        String tenant = WebPagesStack.newTenant("campaign");
        HrConsolePagesIT.HrFixture.Hr helga = hr.signInNewHr(tenant, "Helga");
        hr.importAndAwait(helga, hr.uploadFile(helga, helga.open("/hr/import"), "roster.csv", twoPeopleInFinance(tenant)));
        String finance = hr.teams(tenant).path("items").get(0).path("id").asText();

        assertThat(helga.open("/hr").document().select("a[href=/hr/campaigns]")).hasSize(1);
        TestBrowser.Page form = helga.open("/hr/campaigns");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.document().select("#no-campaigns")).hasSize(1);
        assertThat(form.document().select("select#field-teamId option")).extracting(Element::text)
                .containsExactly("Choose a team", "Finance");

        // a due date that is not a date is said at the date, and nothing is started
        TestBrowser.Page refused = helga.browser().submit(form, "form#campaign", Map.of("teamId", finance,
                "templateId", "rosa", "dueDate", "next friday"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#field-dueDate").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().select(".problem a").attr("href")).isEqualTo("#field-dueDate");
        assertThat(campaigns(tenant).path("total").asInt()).isZero();

        // assessments learns the team from programs' enrolments through Kafka: until then it says so at the team
        String due = LocalDate.now().plusDays(14).toString();
        Instant deadline = Instant.now().plusSeconds(60);
        TestBrowser.Page started = helga.browser().submit(form, "form#campaign", Map.of("teamId", finance,
                "templateId", "rosa", "dueDate", due));
        while (started.status() == 404) {
            assertThat(started.document().select("#field-teamId").attr("aria-invalid")).isEqualTo("true");
            assertThat(Instant.now()).as("assessments knows the team within a minute").isBefore(deadline);
            Thread.sleep(500);
            started = helga.browser().submit(helga.open("/hr/campaigns"), "form#campaign", Map.of("teamId", finance,
                    "templateId", "rosa", "dueDate", due));
        }
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.uri().getPath()).isEqualTo("/hr/campaigns");
        Document list = started.document();
        assertThat(list.select("#campaign-started").text()).contains("The campaign is started");
        Element row = list.selectFirst("table#campaigns tbody tr");
        assertThat(row).as(started.body()).isNotNull();
        assertThat(row.select("th").text()).isEqualTo("Finance");
        assertThat(row.select("td").get(1).text()).isEqualTo(due);
        // a team of two is below the anonymity threshold: its coverage is words, not even its size
        String coverage = row.select("td").get(3).text();
        assertThat(coverage).contains("Not shown").doesNotContainPattern("[0-9]");

        JsonNode held = campaigns(tenant);
        assertThat(held.path("total").asInt()).isEqualTo(1);
        assertThat(held.path("items").get(0).path("teamId").asText()).isEqualTo(finance);
        assertThat(held.path("items").get(0).path("templateId").asText()).isEqualTo("rosa");
        assertThat(held.path("items").get(0).path("dueDate").asText()).isEqualTo(due);
        assertThat(held.path("items").get(0).path("suppressed").asBoolean()).isTrue();
    }

    @Test
    void the_figures_of_a_launched_program_show_its_small_groups_as_words() throws Exception {
        String tenant = WebPagesStack.newTenant("figures");
        HrConsolePagesIT.HrFixture.Hr hugo = hr.signInNewHr(tenant, "Hugo");
        hr.importAndAwait(hugo, hr.uploadFile(hugo, hugo.open("/hr/import"), "roster.csv", twoPeopleInFinance(tenant)));
        String finance = hr.teams(tenant).path("items").get(0).path("id").asText();

        // a program launched through programs' API with a dev token, as a script would
        JsonNode draft = send(tenant, "programs", "POST", "/api/programs", "{\"title\":\"Stand up, Finance\","
                + "\"phases\":[{\"startWeek\":1,\"breakEveryMinutes\":45,\"dailyActiveMinutesTarget\":120}],"
                + "\"minBreakEveryMinutes\":20,\"maxBreakEveryMinutes\":60,\"teamIds\":[\"" + finance + "\"]}", 201);
        String programId = draft.path("id").asText();
        // begun two weeks ago, so insights has closed weeks to publish (with nobody active in them)
        send(tenant, "programs", "POST", "/api/programs/" + programId + "/launch",
                "{\"startsOn\":\"" + LocalDate.now().minusDays(14) + "\"}", 200);
        awaitKnownByInsights(tenant, programId);

        TestBrowser.Page programs = hugo.open("/hr/programs");
        Element link = programs.document().selectFirst("table#programs a[href=/hr/programs/" + programId + "/dashboard]");
        assertThat(link).as(programs.body()).isNotNull();
        TestBrowser.Page figures = hugo.browser().open(URI.create(link.absUrl("href")));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        Document shown = figures.document();
        assertThat(shown.select("h1").text()).isEqualTo("Program figures: Stand up, Finance");
        assertThat(shown.select("table#overview tbody tr")).hasSizeGreaterThanOrEqualTo(10);
        // a team of two is below k: every hidden figure is words, and no figure of it is a number
        assertThat(shown.select(".dashboard-hidden")).isNotEmpty().allSatisfy(hidden ->
                assertThat(hidden.text()).as(hidden.outerHtml()).isNotBlank().doesNotMatch("^[0-9 %]+$"));
        assertThat(shown.select(".dashboard-hidden").eachText()).anyMatch(t -> t.contains("fewer than"));
        assertThat(shown.select("table#overview td")).allSatisfy(td ->
                assertThat(td.hasClass("dashboard-hidden") || td.text().equals("–")).as(td.outerHtml()).isTrue());
        assertThat(shown.select("table#dashboard-teams tbody tr").first().text()).as(figures.body())
                .startsWith("Finance").contains("fewer than");
        // the console is HR's one dashboard: nothing sends HR to insights' token-pasting page with another sign-in
        assertThat(shown.select("a").eachAttr("href")).noneMatch(h -> h.contains("/dashboard/programs/"));

        // another program id is a problem on the page, not a 500
        TestBrowser.Page unknown = hugo.open("/hr/programs/" + java.util.UUID.randomUUID() + "/dashboard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.document().select("#problem")).hasSize(1);
    }

    private JsonNode campaigns(String tenant) throws Exception {
        return send(tenant, "assessments", "GET", "/api/assessment-campaigns", null, 200);
    }

    private void awaitKnownByInsights(String tenant, String programId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (status(tenant, "insights", "/api/insights/programs/" + programId) != 200) {
            assertThat(Instant.now()).as("insights knows the launched program within a minute").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private int status(String tenant, String service, String path) throws Exception {
        String token = pages.stack.tokens().issue(tenant, "hr-check", "hr");
        return HTTP.send(HttpRequest.newBuilder(URI.create(pages.stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode send(String tenant, String service, String method, String path, String json, int expected) throws Exception {
        String token = pages.stack.tokens().issue(tenant, "hr-check", "hr");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pages.stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token);
        request = json == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + service + path + ": " + response.body()).isEqualTo(expected);
        return Api.JSON.readTree(response.body());
    }
}
