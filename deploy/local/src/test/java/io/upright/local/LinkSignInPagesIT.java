package io.upright.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in link from a reminder, in a browser that never signed in: opening it only asks to continue (chat previews
 * must not use it up); continuing signs the person in to their own pages, once, and the services accept the session's
 * token; a used or changed link says so and offers the normal sign-in; signing out ends the link session.
 */
class LinkSignInPagesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebPagesStack pages;
    private static WebPagesStack.SignedIn nora;

    @BeforeAll
    static void start() throws Exception {
        pages = WebPagesStack.shared();
        nora = pages.signInNewEmployee(WebPagesStack.newTenant("links"), "Nora");
    }

    @Test
    void a_link_signs_its_person_in_once_to_their_own_page_and_sign_out_ends_it() throws Exception {
        String link = link("home");
        TestBrowser browser = new TestBrowser();

        TestBrowser.Page landing = browser.open(URI.create(link));
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.document().select("h1").text()).isEqualTo("Open your Upright pages");
        // a chat tool's preview fetches the link too (with cookies of its own): that uses nothing up
        assertThat(new TestBrowser().open(URI.create(link)).status()).isEqualTo(200);

        TestBrowser.Page home = browser.submit(landing, "form#link-sign-in", Map.of());
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        // the start page was filled by the reminders service, called with the link session's own token
        assertThat(home.document().select("h1").text()).isEqualTo("Hello");
        assertThat(home.body()).contains("0 breaks taken");

        TestBrowser.Page signedOut = browser.open(URI.create(pages.stack.webUrl() + "/sign-out"));
        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.document().select("h1").text()).isEqualTo("You are signed out");
        TestBrowser.Page again = browser.open(URI.create(pages.stack.webUrl() + "/"));
        assertThat(again.uri().toString()).startsWith(pages.stack.requireIdentityProvider().issuer());
    }

    @Test
    void a_used_link_or_a_changed_one_signs_nobody_in_and_says_why() throws Exception {
        String link = link("desk-check");
        TestBrowser first = new TestBrowser();
        TestBrowser.Page landing = first.open(URI.create(link));
        assertThat(first.submit(landing, "form#link-sign-in", Map.of()).status()).isLessThan(500);

        TestBrowser second = new TestBrowser();
        TestBrowser.Page used = second.submit(second.open(URI.create(link)), "form#link-sign-in", Map.of());
        assertThat(used.status()).isEqualTo(410);
        assertThat(used.document().select("[role=alert]").text()).contains("used already");
        assertThat(used.document().select("a.button").attr("href")).isEqualTo("/");

        String token = link.substring(link.lastIndexOf('/') + 1);
        String changed = link.substring(0, link.lastIndexOf('/') + 1) + token.substring(0, 12) + (token.charAt(12) == 'Q' ? 'R' : 'Q')
                + token.substring(13);
        TestBrowser third = new TestBrowser();
        TestBrowser.Page unknown = third.submit(third.open(URI.create(changed)), "form#link-sign-in", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.document().select("[role=alert]").text()).contains("not a link Upright made");
        // and that browser is not signed in
        assertThat(third.open(URI.create(pages.stack.webUrl() + "/")).uri().toString())
                .startsWith(pages.stack.requireIdentityProvider().issuer());
    }

    @Test
    void someone_signed_in_by_link_uses_their_pages_but_cannot_erase_their_data_without_their_own_sign_in() throws Exception {
        TestBrowser browser = new TestBrowser();
        TestBrowser.Page settings = browser.submit(browser.open(URI.create(link("settings"))), "form#link-sign-in", Map.of());
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.uri().getPath()).isEqualTo("/settings");
        // the navigation is the employee's, never the HR console
        assertThat(settings.document().select("nav a[href=/hr]")).isEmpty();
        assertThat(browser.open(URI.create(pages.stack.webUrl() + "/hr")).status()).isEqualTo(403);

        TestBrowser.Page erase = browser.open(URI.create(pages.stack.webUrl() + "/my-data/erase"));
        TestBrowser.Page refused = browser.submit(erase, "form#erase", Map.of("confirmation", "ERASE"));
        assertThat(refused.body()).contains("sign in with your own account first");
        assertThat(pages.read(nora, "programs", "/api/me").path("status").asText()).isEqualTo("enrolled");
    }

    @Test
    void a_link_page_in_german_for_a_german_browser() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link("routine")))
                .header("Accept-Language", "de-DE,de;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"de\">", "Deine Upright-Seiten öffnen");
    }

    /** Nora asks the reminders service for a link to one of her pages, as /upright check does for her in Slack. */
    private static String link(String destination) throws Exception {
        String token = pages.stack.tokens().issue(nora.tenant(), nora.employeeId(), "employee");
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(pages.stack.baseUrl("reminders") + "/api/me/sign-in-links"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"destination\":\"" + destination + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String url = Api.JSON.readTree(issued.body()).path("url").asText();
        assertThat(url).startsWith(pages.stack.webUrl() + "/link/");
        return url;
    }
}
