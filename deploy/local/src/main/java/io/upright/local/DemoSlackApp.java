package io.upright.local;

import io.upright.localinfra.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's Slack app: its credentials (made up once and kept with the other local keys, so the installation the
 * reminders service stored keeps working across restarts), the reminders service's settings that point its Slack SDK
 * at the simulated workspace, and "Add to Slack" done for a tenant the way an admin would do it in a browser.
 */
final class DemoSlackApp {

    /** A client id as Slack writes them (digits, a dot, digits); the secrets are random hex. */
    record Credentials(String clientId, String clientSecret, String signingSecret) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private DemoSlackApp() {
    }

    /** Made once under {@code keys/slack-app.json}, readable by the owner only, like the other local keys. */
    static Credentials loadOrCreate(Path keys) {
        Path file = keys.resolve("slack-app.json");
        try {
            if (Files.exists(file)) {
                return Api.JSON.readValue(file.toFile(), Credentials.class);
            }
            SecureRandom random = new SecureRandom();
            Credentials created = new Credentials(
                    (1_000_000_000L + Math.floorMod(random.nextLong(), 9_000_000_000L)) + "."
                            + (1_000_000_000_000L + Math.floorMod(random.nextLong(), 9_000_000_000_000L)),
                    hex(random, 16), hex(random, 16));
            Files.createDirectories(keys);
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), created);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection has to do
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** The workspace's registration of the app, once the reminders service's URL is known. */
    static SlackWorkspace.App registration(Credentials credentials, String remindersUrl) {
        return new SlackWorkspace.App(credentials.clientId(), credentials.clientSecret(), credentials.signingSecret(),
                remindersUrl + "/api/slack/oauth/callback", remindersUrl + "/api/slack/interactions");
    }

    /** The reminders service's Slack settings: the demo app's credentials and the simulated workspace's URLs. */
    static Map<String, String> remindersEnvironment(Credentials credentials, SlackWorkspace workspace, String remindersUrl) {
        return remindersEnvironment(credentials, workspace.apiUrl(), workspace.authorizeUrl(), remindersUrl);
    }

    /** The same for any workspace that answers Slack's Web API at {@code apiUrl} (the benchmark's lean one). */
    static Map<String, String> remindersEnvironment(Credentials credentials, String apiUrl, String authorizeUrl, String remindersUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("UPRIGHT_REMINDERS_SLACK_APP_CLIENT_ID", credentials.clientId());
        env.put("UPRIGHT_REMINDERS_SLACK_APP_CLIENT_SECRET", credentials.clientSecret());
        env.put("UPRIGHT_REMINDERS_SLACK_APP_REDIRECT_URI", remindersUrl + "/api/slack/oauth/callback");
        env.put("UPRIGHT_REMINDERS_SLACK_APP_API_URL", apiUrl);
        env.put("UPRIGHT_REMINDERS_SLACK_APP_AUTHORIZE_URL", authorizeUrl);
        env.put("UPRIGHT_REMINDERS_SLACK_SIGNING_SECRET", credentials.signingSecret());
        return env;
    }

    /**
     * Installs the app for a tenant unless it already is (and the workspace still knows the app's token): asks the
     * reminders service for the "Add to Slack" link as the tenant's admin, lets the simulated workspace approve it,
     * and follows its redirect to the service's OAuth callback.
     *
     * @return what happened, for the launcher's progress line
     */
    static String install(String remindersUrl, DevTokens tokens, String tenant, SlackWorkspace workspace) {
        Api admin = new Api(remindersUrl, tokens.issue(tenant, "demo-admin", "admin"));
        if (workspace.installed() && admin.status("/api/slack/installation") == 200) {
            return "Slack app already installed for '" + tenant + "' in the simulated workspace " + SlackWorkspace.TEAM_NAME
                    + " (" + workspace.url() + ")";
        }
        return "Slack app installed for '" + tenant + "' in the simulated workspace " + SlackWorkspace.TEAM_NAME
                + " (" + workspace.url() + "): " + installThroughOAuth(remindersUrl, tokens, tenant);
    }

    /**
     * "Add to Slack" as the tenant's admin: asks the reminders service for the link, lets the workspace (which approves
     * at once) answer it, and follows its redirect to the service's OAuth callback.
     *
     * @return the callback's answer
     */
    static String installThroughOAuth(String remindersUrl, DevTokens tokens, String tenant) {
        Api admin = new Api(remindersUrl, tokens.issue(tenant, "demo-admin", "admin"));
        String authorize = admin.post("/api/slack/installations", Map.of()).path("authorizeUrl").asText();
        HttpResponse<String> approved = get(authorize);
        String callback = approved.headers().firstValue("Location").orElse(null);
        if (approved.statusCode() != 302 || callback == null) {
            throw new IllegalStateException("The simulated workspace did not approve " + authorize + ": "
                    + approved.statusCode() + " " + approved.body());
        }
        HttpResponse<String> installed = get(callback);
        if (installed.statusCode() != 200) {
            throw new IllegalStateException("The reminders service refused the OAuth callback: " + installed.statusCode()
                    + " " + installed.body());
        }
        return installed.body().trim();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
