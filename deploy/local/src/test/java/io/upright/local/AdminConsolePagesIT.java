package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console in the browser: an admin raises the tenant's anonymity threshold and sees the change on its
 * trail, adds a webhook endpoint and is shown its secret once, sends it a test event, rotates its secret (shown once
 * too, both secrets signing meanwhile), deletes it, starts adding the
 * Slack app, and adds and deletes Slack and Teams channels. What the services then hold is read with their own APIs
 * and a dev admin token.
 */
class AdminConsolePagesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final WebPagesStack pages = WebPagesStack.shared();

    record Admin(TestBrowser browser, String tenant, String webUrl) {
        TestBrowser.Page open(String path) throws Exception {
            return browser.open(URI.create(webUrl + path));
        }
    }

    @Test
    void an_admin_raises_the_anonymity_threshold_and_sees_the_change_on_its_trail() throws Exception {
        String tenant = WebPagesStack.newTenant("anon");
        Admin ada = signInNewAdmin(tenant, "Ada");

        TestBrowser.Page form = ada.open("/admin/anonymity");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.document().select("#no-changes")).hasSize(1);
        assertThat(form.document().select("input#field-anonymityThreshold").val()).isEqualTo("5");

        // not a number: said at the field, and insights is not asked
        TestBrowser.Page refused = ada.browser().submit(form, "form#threshold", Map.of("anonymityThreshold", "eight"));
        assertThat(refused.status()).isEqualTo(400);
        Document shown = refused.document();
        assertThat(shown.select("#field-anonymityThreshold").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.select("#threshold-error").text()).contains("whole number");
        assertThat(shown.select(".problem a").attr("href")).isEqualTo("#field-anonymityThreshold");

        // below the service's own k: insights' 400 is shown at the same field
        TestBrowser.Page tooLow = ada.browser().submit(form, "form#threshold", Map.of("anonymityThreshold", "2"));
        assertThat(tooLow.status()).as(tooLow.body()).isEqualTo(400);
        assertThat(tooLow.document().select("#field-anonymityThreshold").attr("aria-invalid")).isEqualTo("true");
        assertThat(tooLow.document().select("#threshold-error").text()).isNotBlank();
        assertThat(read(tenant, "insights", "/api/insights/settings").path("anonymityThreshold").asInt()).isEqualTo(5);

        TestBrowser.Page saved = ada.browser().submit(form, "form#threshold", Map.of("anonymityThreshold", "8"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.uri().getPath()).isEqualTo("/admin/anonymity");
        assertThat(saved.document().select("#saved").text()).contains("The threshold is saved");
        assertThat(saved.document().select("#current").text()).contains("8 people");
        assertThat(saved.document().select("table#threshold-changes tbody tr")).hasSize(1);
        assertThat(saved.document().select("table#threshold-changes tbody tr td")).extracting(Element::text)
                .endsWith("8");

        assertThat(read(tenant, "insights", "/api/insights/settings").path("anonymityThreshold").asInt()).isEqualTo(8);
        JsonNode trail = read(tenant, "insights", "/api/insights/settings/threshold-changes");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("threshold").asInt()).isEqualTo(8);
    }

    @Test
    void an_admin_adds_a_webhook_endpoint_sees_its_secret_once_and_deletes_it() throws Exception {
        String tenant = WebPagesStack.newTenant("hooks");
        Admin ada = signInNewAdmin(tenant, "Ada");

        TestBrowser.Page channels = ada.open("/admin/channels");
        assertThat(channels.status()).as(channels.body()).isEqualTo(200);
        assertThat(channels.document().select("#no-webhooks")).hasSize(1);
        assertThat(channels.document().select("#slack-installation").text()).contains("not installed");

        // not a web address: reminders' 400 at the field
        TestBrowser.Page refused = ada.browser().submit(channels, "form#add-webhook", Map.of("url", "ftp://example.com/x"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.document().select("#field-url").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().select(".problem a").attr("href")).isEqualTo("#field-url");

        String url = "https://127.0.0.1:9/upright-" + UUID.randomUUID();
        TestBrowser.Page created = ada.browser().submit(channels, "form#add-webhook", Map.of("url", url));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.uri().getPath()).isEqualTo("/admin/channels");
        assertThat(created.uri().getQuery()).doesNotContain("whsec_");
        String secret = created.document().select("#new-secret input#secret").val();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.document().select("#new-secret").text()).contains("only this once", url);
        assertThat(created.document().select("table#webhooks tbody th")).extracting(Element::text).containsExactly(url);

        JsonNode endpoints = read(tenant, "reminders", "/api/webhook-endpoints");
        assertThat(endpoints.path("total").asInt()).isEqualTo(1);
        assertThat(endpoints.path("items").get(0).path("url").asText()).isEqualTo(url);

        // the same page again: the secret is gone for good
        TestBrowser.Page again = ada.browser().open(created.uri());
        assertThat(again.document().select("#new-secret")).isEmpty();
        assertThat(again.body()).doesNotContain(secret);

        TestBrowser.Page deleted = ada.browser().submit(again, "form.delete-endpoint", Map.of());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.document().select("#deleted").text()).contains("The endpoint is deleted");
        assertThat(deleted.document().select("#no-webhooks")).hasSize(1);
        assertThat(read(tenant, "reminders", "/api/webhook-endpoints").path("total").asInt()).isZero();
    }

    @Test
    void an_admin_sends_a_test_event_to_an_endpoint_and_sees_it_arrive_signed() throws Exception {
        String tenant = WebPagesStack.newTenant("hookTest");
        Admin ada = signInNewAdmin(tenant, "Ada");
        try (WebhookInbox inbox = WebhookInbox.start(0, null)) {
            TestBrowser.Page channels = ada.open("/admin/channels");
            TestBrowser.Page created = ada.browser().submit(channels, "form#add-webhook", Map.of("url", inbox.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            inbox.trust(created.document().select("#new-secret input#secret").val());
            assertThat(created.document().select("form.test-endpoint button").text()).isEqualTo("Send a test");

            TestBrowser.Page tested = ada.browser().submit(created, "form.test-endpoint", Map.of());
            assertThat(tested.status()).as(tested.body()).isEqualTo(200);
            Element outcome = tested.document().selectFirst("#test-outcome");
            assertThat(outcome).as(tested.body()).isNotNull();
            assertThat(outcome.hasClass("done")).isTrue();
            assertThat(outcome.select("h2").text()).isEqualTo("Test of " + inbox.url());
            assertThat(outcome.select("p").text()).matches("Delivered: the endpoint answered 204 in \\d+ ms\\.");
            // the page that showed the secret once does not show it again
            assertThat(tested.body()).doesNotContain("whsec_");

            // it arrived while the page was made, signed with the endpoint's secret, and says nothing about anyone
            List<WebhookInbox.Delivery> arrived = inbox.deliveries().stream()
                    .filter(d -> "webhook.test".equals(d.body().path("type").asText())).toList();
            assertThat(arrived).hasSize(1);
            WebhookInbox.Delivery test = arrived.get(0);
            assertThat(test.signatureValid()).isTrue();
            assertThat(test.body().path("tenant").asText()).isEqualTo(tenant);
            assertThat(test.webhookId()).isEqualTo(test.body().path("messageId").asText());
            List<String> fields = new java.util.ArrayList<>();
            test.body().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("type", "messageId", "tenant", "sentAt", "message");
        }
    }

    @Test
    void an_admin_rotates_an_endpoints_secret_sees_the_new_one_once_and_both_secrets_sign_meanwhile() throws Exception {
        String tenant = WebPagesStack.newTenant("hookRotate");
        Admin ada = signInNewAdmin(tenant, "Ada");
        try (WebhookInbox inbox = WebhookInbox.start(0, null)) {
            TestBrowser.Page created = ada.browser().submit(ada.open("/admin/channels"), "form#add-webhook",
                    Map.of("url", inbox.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String oldSecret = created.document().select("#new-secret input#secret").val();
            assertThat(oldSecret).startsWith("whsec_");
            assertThat(created.document().select(".secret-overlap")).isEmpty();
            assertThat(created.document().select("form.rotate-secret button").text()).isEqualTo("Rotate secret");
            assertThat(created.document().select("#rotate-hint").text())
                    .contains("24 hours", "signed with both the old and the new secret");

            TestBrowser.Page rotated = ada.browser().submit(created, "form.rotate-secret", Map.of());
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.uri().getPath()).isEqualTo("/admin/channels");
            assertThat(rotated.uri().getQuery()).doesNotContain("whsec_");
            String newSecret = rotated.document().select("#new-secret input#secret").val();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            JsonNode endpoint = read(tenant, "reminders", "/api/webhook-endpoints").path("items").get(0);
            assertThat(endpoint.path("previousSecretValidUntil").isTextual()).as(endpoint.toString()).isTrue();
            String until = java.time.Instant.parse(endpoint.path("previousSecretValidUntil").asText()).toString();
            assertThat(rotated.document().select("#new-secret").text())
                    .contains("only this once", inbox.url(), "Until " + until + " (UTC)");
            assertThat(rotated.document().select("table#webhooks .secret-overlap").text())
                    .isEqualTo("Old secret also signs until " + until + " (UTC).");

            // the same page again: the new secret is gone for good, the overlap is still said
            TestBrowser.Page again = ada.browser().open(rotated.uri());
            assertThat(again.document().select("#new-secret")).isEmpty();
            assertThat(again.body()).doesNotContain(newSecret).doesNotContain(oldSecret);
            assertThat(again.document().select("table#webhooks .secret-overlap").text()).contains(until);

            // meanwhile each delivery verifies with either secret: the receiver switches whenever it likes
            inbox.trust(oldSecret);
            TestBrowser.Page testedOld = ada.browser().submit(again, "form.test-endpoint", Map.of());
            assertThat(testedOld.document().select("#test-outcome").hasClass("done")).as(testedOld.body()).isTrue();
            inbox.trust(newSecret);
            TestBrowser.Page testedNew = ada.browser().submit(again, "form.test-endpoint", Map.of());
            assertThat(testedNew.document().select("#test-outcome").hasClass("done")).as(testedNew.body()).isTrue();
            List<WebhookInbox.Delivery> arrived = inbox.deliveries().stream()
                    .filter(d -> "webhook.test".equals(d.body().path("type").asText())).toList();
            assertThat(arrived).extracting(WebhookInbox.Delivery::signatureValid).containsExactly(true, true);
        }
    }

    @Test
    void a_test_of_an_endpoint_nobody_listens_at_says_not_delivered_in_english_and_german() throws Exception {
        Admin ada = signInNewAdmin(WebPagesStack.newTenant("hookDown"), "Ada");
        String url = "http://127.0.0.1:" + LocalStack.freePort() + "/closed-" + UUID.randomUUID();
        TestBrowser.Page created = ada.browser().submit(ada.open("/admin/channels"), "form#add-webhook", Map.of("url", url));
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        TestBrowser.Page tested = ada.browser().submit(created, "form.test-endpoint", Map.of());
        // the test itself worked: the page is fine, what it found is not
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        Element outcome = tested.document().selectFirst("#test-outcome");
        assertThat(outcome).as(tested.body()).isNotNull();
        assertThat(outcome.hasClass("advice")).isTrue();
        assertThat(outcome.select("h2").text()).isEqualTo("Test of " + url);
        assertThat(outcome.select("p").text()).startsWith("Not delivered: connection refused.");
        assertThat(tested.document().select("table#webhooks tbody th")).extracting(Element::text).containsExactly(url);

        Element form = created.document().selectFirst("form.test-endpoint");
        String body = form.select("input[type=hidden]").stream()
                .map(i -> URLEncoder.encode(i.attr("name"), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(i.val(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> german = ada.browser().send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(german.statusCode()).as(german.body()).isEqualTo(200);
        assertThat(Jsoup.parse(german.body()).select("#test-outcome p").text())
                .startsWith("Nicht zugestellt: Verbindung abgelehnt.");
    }

    @Test
    void an_admin_adds_a_shared_slack_channel_and_a_teams_channel_sees_them_without_their_secret_and_deletes_one() throws Exception {
        String tenant = WebPagesStack.newTenant("chat");
        Admin ada = signInNewAdmin(tenant, "Ada");
        TestBrowser.Page channels = ada.open("/admin/channels");
        assertThat(channels.status()).as(channels.body()).isEqualTo(200);
        assertThat(channels.document().select("#no-slack-channels")).hasSize(1);
        assertThat(channels.document().select("#no-teams-channels")).hasSize(1);
        assertThat(channels.document().select("#slack-receives").text()).contains("team-break announcements only");

        // not a web address: reminders' 400 at the Teams form's own field, and the Slack form untouched
        TestBrowser.Page refused = ada.browser().submit(channels, "form#add-teams-channel",
                Map.of("webhookUrl", "ftp://example.com/workflows/x"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.document().select("#field-teams-webhookUrl").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().select("#teams-url-error").text()).isNotBlank();
        assertThat(refused.document().select(".problem a").attr("href")).isEqualTo("#field-teams-webhookUrl");
        assertThat(refused.document().select("#field-slack-webhookUrl").attr("aria-invalid")).isEmpty();

        // the local stack allows private webhooks: a loopback address stands for hooks.slack.com and logic.azure.com
        String slackSecret = "XXXXSLACK" + UUID.randomUUID().toString().replace("-", "") + "AbCd";
        String slackUrl = "https://127.0.0.1:9/services/T00000000/B00000000/" + slackSecret;
        TestBrowser.Page slackAdded = ada.browser().submit(channels, "form#add-slack-channel", Map.of("webhookUrl", slackUrl));
        assertThat(slackAdded.status()).as(slackAdded.body()).isEqualTo(200);
        assertThat(slackAdded.document().select("#deleted").text()).contains("The Slack channel is added");

        String sig = "sig" + UUID.randomUUID().toString().replace("-", "") + "WxYz";
        String teamsUrl = "https://127.0.0.1:9/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=" + sig;
        TestBrowser.Page teamsAdded = ada.browser().submit(slackAdded, "form#add-teams-channel", Map.of("webhookUrl", teamsUrl));
        assertThat(teamsAdded.status()).as(teamsAdded.body()).isEqualTo(200);

        Document listed = teamsAdded.document();
        assertThat(listed.select("table#slack-channels tbody th")).extracting(Element::text)
                .containsExactly("https://127.0.0.1:9/…AbCd");
        assertThat(listed.select("table#teams-channels tbody th")).extracting(Element::text)
                .containsExactly("https://127.0.0.1:9/…WxYz");
        assertThat(listed.select("table#slack-channels tbody td").first().text()).isEqualTo("The whole organisation");
        assertThat(teamsAdded.body()).doesNotContain(slackSecret).doesNotContain(sig);
        assertThat(read(tenant, "reminders", "/api/slack-channels").path("total").asInt()).isEqualTo(1);
        assertThat(read(tenant, "reminders", "/api/teams-channels").path("total").asInt()).isEqualTo(1);

        TestBrowser.Page deleted = ada.browser().submit(teamsAdded, "table#slack-channels form.delete-chat-channel", Map.of());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.document().select("#deleted").text()).contains("The Slack channel is deleted");
        assertThat(deleted.document().select("#no-slack-channels")).hasSize(1);
        assertThat(deleted.document().select("table#teams-channels tbody tr")).hasSize(1);
        assertThat(read(tenant, "reminders", "/api/slack-channels").path("total").asInt()).isZero();
        assertThat(read(tenant, "reminders", "/api/teams-channels").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void add_to_slack_sends_the_admin_to_slack_or_says_why_not() throws Exception {
        Admin ada = signInNewAdmin(WebPagesStack.newTenant("slack"), "Ada");
        TestBrowser.Page channels = ada.open("/admin/channels");
        Element form = channels.document().selectFirst("form#add-to-slack");
        assertThat(form).isNotNull();
        String body = form.select("input[type=hidden]").stream()
                .map(i -> URLEncoder.encode(i.attr("name"), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(i.val(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = ada.browser().send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() == 303) {
            assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("state=").doesNotStartWith(ada.webUrl());
        } else {
            // a deployment without the Slack app: reminders' 409, said on the page
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(answer.body()).contains("class=\"problem\"");
        }
    }

    @Test
    void an_employee_is_told_the_admin_console_is_not_for_their_role() throws Exception {
        var emil = pages.signInNewEmployee(WebPagesStack.newTenant("notAdmin"), "Emil");
        for (String path : List.of("/admin", "/admin/anonymity", "/admin/channels")) {
            TestBrowser.Page page = pages.open(emil, path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.document().select("h1").text()).isEqualTo("Not for your role");
        }
        assertThat(emil.home().document().select("nav a[href=/admin]")).isEmpty();
    }

    private Admin signInNewAdmin(String tenant, String firstName) throws Exception {
        TestBrowser browser = new TestBrowser();
        TestBrowser.Page console = pages.signIn(browser, pages.addStaff(tenant, firstName, "admin"), "/admin");
        assertThat(console.status()).as(console.body()).isEqualTo(200);
        assertThat(console.document().select("h1").text()).isEqualTo("Admin console");
        assertThat(console.document().select("nav a[href=/admin]")).hasSize(1);
        return new Admin(browser, tenant, pages.stack.webUrl());
    }

    /** A service's own answer, read with a dev admin token of the tenant. */
    private JsonNode read(String tenant, String service, String path) throws Exception {
        String token = pages.stack.tokens().issue(tenant, "admin-1", "admin");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pages.stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + path + ": " + response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }
}
