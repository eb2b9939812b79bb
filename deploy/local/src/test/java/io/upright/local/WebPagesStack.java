package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.upright.localinfra.Directories;
import io.upright.localinfra.Durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five packaged services, Keycloak and the web front end, started once for every web-page test in this JVM
 * (they take a minute to start; each test class works in a tenant of its own) and stopped when the JVM ends.
 */
final class WebPagesStack {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebPagesStack shared;

    final LocalStack stack;
    private final Path home;

    private WebPagesStack(LocalStack stack, Path home) {
        this.stack = stack;
        this.home = home;
    }

    /** The running stack, started by the first caller. */
    static synchronized WebPagesStack shared() {
        if (shared == null) {
            Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
            try {
                Path home = Files.createTempDirectory("upright-web-pages");
                LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, home, Duration.ofMinutes(45))
                        .withDurability(Durability.FAST))
                        .withIdentityProvider(new LocalStack.IdentityProviderPorts(LocalStack.freePort(), LocalStack.freePort()))
                        .withWeb(LocalStack.freePort());
                stack.start(message -> System.out.println("[web-pages] " + message));
                shared = new WebPagesStack(stack, home);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    // -Dupright.keep-logs=true keeps the services' logs (<home>/logs) for a look after a failure
                    if (!Boolean.getBoolean("upright.keep-logs")) {
                        Directories.deleteQuietly(home);
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** A new tenant name, so that test classes never see each other's people. */
    static String newTenant(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Someone signed in to the web front end in their own browser. */
    record SignedIn(TestBrowser browser, String tenant, String employeeId, String teamId, TestBrowser.Page home,
                    String username, String password) {
    }

    /**
     * HR enrols {@code firstName} in a new team of {@code tenant} (a dev token, as a script would), the identity
     * provider learns them as an employee, reminders knows them, and they sign in through Keycloak's page.
     */
    SignedIn signInNewEmployee(String tenant, String firstName) throws Exception {
        String hr = stack.tokens().issue(tenant, "hr-script", "hr");
        HttpResponse<String> team = post("programs", "/api/teams", hr, "{\"name\":\"Team " + firstName + "\"}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        String teamId = Api.JSON.readTree(team.body()).path("id").asText();
        String email = firstName.toLowerCase() + "@" + tenant + ".example";
        HttpResponse<String> enrolled = post("programs", "/api/teams/" + teamId + "/employees", hr,
                "{\"displayName\":\"" + firstName + " Test\",\"email\":\"" + email + "\",\"timeZone\":\"Europe/Berlin\","
                        + "\"workdayStart\":\"09:00\",\"workdayEnd\":\"17:00\"}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String employeeId = Api.JSON.readTree(enrolled.body()).path("id").asText();
        awaitKnownByReminders(tenant, employeeId);
        String username = firstName.toLowerCase() + "-" + tenant;
        String password = "pw-" + UUID.randomUUID();
        stack.requireIdentityProvider().addPeople(List.of(new UprightRealm.Person(username, email, firstName, "Test",
                password, tenant, employeeId, List.of("employee"))));
        TestBrowser browser = new TestBrowser();
        TestBrowser.Page signInPage = browser.open(URI.create(stack.webUrl() + "/"));
        assertThat(signInPage.uri().toString()).as("the front page sends a stranger to the identity provider")
                .startsWith(stack.requireIdentityProvider().issuer());
        TestBrowser.Page home = browser.follow(browser.signIn(signInPage, username, password));
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        return new SignedIn(browser, tenant, employeeId, teamId, home, username, password);
    }

    /** Someone the identity provider knows, with the password to sign in with. */
    record Account(String username, String password) {
    }

    /** A staff member (hr or admin, no employee id) of {@code tenant} that the identity provider now knows. */
    Account addStaff(String tenant, String firstName, String role) {
        String username = firstName.toLowerCase() + "-" + tenant;
        String password = "pw-" + UUID.randomUUID();
        stack.requireIdentityProvider().addPeople(List.of(new UprightRealm.Person(username,
                firstName.toLowerCase() + "@" + tenant + ".example", firstName, "Staff", password, tenant, null, List.of(role))));
        return new Account(username, password);
    }

    /** Opens {@code path} in a new test browser, signs in at Keycloak's page, and answers the page it lands on. */
    TestBrowser.Page signIn(TestBrowser browser, Account account, String path) throws IOException, InterruptedException {
        TestBrowser.Page signInPage = browser.open(URI.create(stack.webUrl() + path));
        return browser.follow(browser.signIn(signInPage, account.username(), account.password()));
    }

    /** Opens a page of the web front end, e.g. {@code /desk-check}. */
    TestBrowser.Page open(SignedIn person, String path) throws IOException, InterruptedException {
        return person.browser().open(URI.create(stack.webUrl() + path));
    }

    /** A service's own answer for the person, read with a dev token: what the page should have changed. */
    JsonNode read(SignedIn person, String service, String path) throws Exception {
        String token = stack.tokens().issue(person.tenant(), person.employeeId(), "employee");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + path + ": " + response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }

    private void awaitKnownByReminders(String tenant, String employeeId) throws Exception {
        String token = stack.tokens().issue(tenant, employeeId, "employee");
        Instant deadline = Instant.now().plusSeconds(60);
        while (HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reminders") + "/api/me/break-stats"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(Instant.now()).as("reminders knows the new employee within a minute").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private HttpResponse<String> post(String service, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
