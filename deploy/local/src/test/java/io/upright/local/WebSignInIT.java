package io.upright.local;

import io.upright.localinfra.Directories;
import io.upright.localinfra.Durability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee opens the web front end, is sent to Keycloak's sign-in page, signs in, and lands on their own start
 * page, which the web front end filled by calling the reminders service with their token; signing out ends the
 * session at Keycloak too.
 */
class WebSignInIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TENANT = "web-" + UUID.randomUUID().toString().substring(0, 8);
    private static Path home;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        home = Files.createTempDirectory("upright-web");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("programs", LocalStack.freePort());
        ports.put("reminders", LocalStack.freePort());
        stack = new LocalStack(new LocalStack.Options(root, home, 0, 0, ports, Duration.ofMinutes(45)).withDurability(Durability.FAST))
                .withIdentityProvider(new LocalStack.IdentityProviderPorts(LocalStack.freePort(), LocalStack.freePort()))
                .withWeb(LocalStack.freePort());
        stack.start(message -> System.out.println("[web] " + message));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        Directories.deleteQuietly(home);
    }

    @Test
    void an_employee_signs_in_at_keycloak_sees_their_own_start_page_and_signs_out() throws Exception {
        String employeeId = enrolEmil();
        stack.requireIdentityProvider().addPeople(List.of(new UprightRealm.Person("emil", "emil@" + TENANT + ".example",
                "Emil", "Berg", "employee-password-1", TENANT, employeeId, List.of("employee"))));
        TestBrowser browser = new TestBrowser();

        TestBrowser.Page signInPage = browser.open(URI.create(stack.webUrl() + "/"));
        assertThat(signInPage.uri().toString()).startsWith(stack.requireIdentityProvider().issuer());
        TestBrowser.Page home = browser.follow(browser.signIn(signInPage, "emil", "employee-password-1"));

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.uri().toString()).startsWith(stack.webUrl());
        assertThat(home.body()).contains("Hello Emil", "0 breaks taken");

        TestBrowser.Page signedOut = browser.open(URI.create(stack.webUrl() + "/sign-out"));
        assertThat(signedOut.status()).isLessThan(500);
        TestBrowser.Page again = browser.open(URI.create(stack.webUrl() + "/"));
        assertThat(again.uri().toString()).startsWith(stack.requireIdentityProvider().issuer());
        assertThat(again.body()).doesNotContain("Hello Emil");
    }

    /** HR enrols Emil (a dev token, as a script would); returns his employee id once reminders knows him. */
    private static String enrolEmil() throws Exception {
        String hr = stack.tokens().issue(TENANT, "hr-script", "hr");
        HttpResponse<String> team = post("programs", "/api/teams", hr, "{\"name\":\"Finance\"}");
        assertThat(team.statusCode()).isEqualTo(201);
        String teamId = Api.JSON.readTree(team.body()).path("id").asText();
        HttpResponse<String> enrolled = post("programs", "/api/teams/" + teamId + "/employees", hr,
                "{\"displayName\":\"Emil Berg\",\"email\":\"emil@" + TENANT + ".example\",\"timeZone\":\"Europe/Berlin\","
                        + "\"workdayStart\":\"09:00\",\"workdayEnd\":\"17:00\"}");
        assertThat(enrolled.statusCode()).isEqualTo(201);
        String employeeId = Api.JSON.readTree(enrolled.body()).path("id").asText();
        String asEmil = stack.tokens().issue(TENANT, employeeId, "employee");
        Instant deadline = Instant.now().plusSeconds(60);
        while (HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reminders") + "/api/me/break-stats"))
                .header("Authorization", "Bearer " + asEmil).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(Instant.now()).as("reminders knows Emil within a minute").isBefore(deadline);
            Thread.sleep(250);
        }
        return employeeId;
    }

    private static HttpResponse<String> post(String service, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
