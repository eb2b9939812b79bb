package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.sun.net.httpserver.HttpServer;
import io.upright.localinfra.Directories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated Slack workspace of {@code ./upright up}, called the way the reminders service calls Slack: through
 * Slack's Java SDK. Stands in for the app with a small HTTP server that checks each press's signature with the SDK's
 * verifier and answers on the response_url with the SDK, as the reminders service does.
 */
class SlackWorkspaceTest {

    private static final String CLIENT_ID = "1234567890.9876543210";
    private static final String CLIENT_SECRET = "test-client-secret";
    private static final String SIGNING_SECRET = "test-signing-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final List<JsonNode> presses = new CopyOnWriteArrayList<>();
    private Path home;
    private HttpServer app;
    private SlackWorkspace workspace;
    private Slack slack;
    private String redirectUri;

    @BeforeEach
    void start() throws Exception {
        home = Files.createTempDirectory("slack-workspace");
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.setExecutor(Executors.newCachedThreadPool());
        app.createContext("/api/slack/interactions", this::appReceivesPress);
        app.start();
        String appUrl = "http://127.0.0.1:" + app.getAddress().getPort();
        redirectUri = appUrl + "/api/slack/oauth/callback";
        workspace = startWorkspace();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    private SlackWorkspace startWorkspace() {
        return SlackWorkspace.start(0, new SlackWorkspace.App(CLIENT_ID, CLIENT_SECRET, SIGNING_SECRET, redirectUri,
                        "http://127.0.0.1:" + app.getAddress().getPort() + "/api/slack/interactions"),
                home.resolve("slack"), new PrintStream(terminal, true, StandardCharsets.UTF_8), home.resolve("logs/slack.log"));
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        app.stop(0);
        slack.close();
        Directories.deleteQuietly(home);
    }

    @Test
    void add_to_slack_approves_at_once_and_the_code_becomes_a_bot_token_once() throws Exception {
        HttpResponse<String> authorize = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.authorizeUrl() + "?client_id=" + CLIENT_ID
                + "&scope=chat:write,users:read.email&state=s-123&redirect_uri=" + encode(redirectUri))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI back = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(redirectUri + "?");
        Map<String, String> query = split(back.getRawQuery());
        assertThat(query.get("state")).isEqualTo("s-123");

        OAuthV2AccessResponse wrongSecret = slack.methods().oauthV2Access(r -> r.clientId(CLIENT_ID).clientSecret("nope")
                .code(query.get("code")).redirectUri(redirectUri));
        assertThat(wrongSecret.getError()).isEqualTo("bad_client_secret");
        OAuthV2AccessResponse access = slack.methods().oauthV2Access(r -> r.clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .code(query.get("code")).redirectUri(redirectUri));
        assertThat(access.isOk()).as(access.getError()).isTrue();
        assertThat(access.getAccessToken()).startsWith("xoxb-");
        assertThat(access.getTokenType()).isEqualTo("bot");
        assertThat(access.getTeam().getId()).isEqualTo(SlackWorkspace.TEAM_ID);
        assertThat(access.getTeam().getName()).isEqualTo(SlackWorkspace.TEAM_NAME);
        assertThat(access.getBotUserId()).isNotBlank();
        assertThat(workspace.installed()).isTrue();
        // Slack's codes are single-use
        assertThat(slack.methods().oauthV2Access(r -> r.clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .code(query.get("code")).redirectUri(redirectUri)).getError()).isEqualTo("invalid_code");

        HttpResponse<String> unknownApp = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.authorizeUrl()
                + "?client_id=someone-else&state=x")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknownApp.statusCode()).isEqualTo(400);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("[", "slack] the Upright app was added to the workspace Upright Demo");
    }

    @Test
    void members_are_found_by_email_and_a_direct_message_shows_in_the_terminal_as_in_slack() throws Exception {
        String token = install();
        assertThat(slack.methods().usersLookupByEmail(r -> r.email("ada@demo.example")).getError()).isEqualTo("not_authed");
        assertThat(slack.methods("xoxb-made-up").usersLookupByEmail(r -> r.email("ada@demo.example")).getError()).isEqualTo("invalid_auth");

        UsersLookupByEmailResponse lookup = slack.methods(token).usersLookupByEmail(r -> r.email("ada@demo.example"));
        assertThat(lookup.isOk()).isTrue();
        String ada = lookup.getUser().getId();
        assertThat(ada).isEqualTo(SlackWorkspace.userIdOf("ada@demo.example")).matches("U[0-9A-F]{10}");
        assertThat(slack.methods(token).usersLookupByEmail(r -> r.email("ADA@demo.example ")).getUser().getId()).isEqualTo(ada);
        assertThat(slack.methods(token).usersInfo(r -> r.user(ada)).getUser().getProfile().getEmail()).isEqualTo("ada@demo.example");
        assertThat(slack.methods(token).usersInfo(r -> r.user("UNOBODY123")).getError()).isEqualTo("user_not_found");
        var dnd = slack.methods(token).dndInfo(r -> r.user(ada));
        assertThat(dnd.isOk()).isTrue();
        assertThat(dnd.isDndEnabled()).isFalse();
        assertThat(dnd.isSnoozeEnabled()).isFalse();
        assertThat(slack.methods(token).usersProfileGet(r -> r.user(ada)).getProfile().getHuddleState()).isEqualTo("default_unset");

        String reminder = UUID.randomUUID().toString();
        var posted = slack.methods(token).chatPostMessage(r -> r.channel(ada).text("You've been sitting a while.")
                .blocksAsString(reminderBlocks("You've been sitting a while.", reminder)));
        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getChannel()).isEqualTo("D" + ada.substring(1));
        assertThat(posted.getTs()).matches("\\d+\\.\\d{6}");
        assertThat(slack.methods(token).chatPostMessage(r -> r.channel("UNOBODY123").text("hi")).getError()).isEqualTo("channel_not_found");
        assertThat(slack.methods(token).chatPostMessage(r -> r.channel(ada).blocksAsString("not json")).getError()).isEqualTo("invalid_blocks");
        assertThat(slack.methods(token).viewsPublish(r -> r.userId(ada).viewAsString("{\"type\":\"home\",\"blocks\":[]}")).isOk()).isTrue();
        // a modal needs a fresh trigger id from an interaction
        assertThat(slack.methods(token).viewsOpen(r -> r.triggerId("made.up").viewAsString("{\"type\":\"modal\"}")).getError())
                .isEqualTo("invalid_trigger_id");

        SlackWorkspace.Message message = workspace.messages().get(0);
        assertThat(message.user()).isEqualTo(ada);
        assertThat(message.reminderId()).isEqualTo(reminder);
        assertThat(message.buttons()).containsExactly("Done", "Snooze 10 min", "Skip");
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("slack] DM to ada@… (" + ada
                + "): You've been sitting a while. [Done] [Snooze 10 min] [Skip]   reminder " + reminder.substring(0, 8));

        // any other method: Slack's own answer, HTTP 200 with ok false
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.apiUrl() + "no.such.method"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("unknown_method");
        assertThat(Files.readString(home.resolve("logs/slack.log"))).contains("chat.postMessage").contains("no.such.method");
    }

    @Test
    void a_press_is_signed_as_slack_signs_it_and_the_app_s_answer_replaces_the_message() throws Exception {
        String token = install();
        String ada = slack.methods(token).usersLookupByEmail(r -> r.email("ada@demo.example")).getUser().getId();
        String bob = slack.methods(token).usersLookupByEmail(r -> r.email("bob@demo.example")).getUser().getId();
        String reminder = UUID.randomUUID().toString();
        slack.methods(token).chatPostMessage(r -> r.channel(ada).text("Stand up.").blocksAsString(reminderBlocks("Stand up.", reminder)));

        // someone else presses: the app tells only them
        SlackWorkspace.Press others = workspace.press(reminder.substring(0, 8), "done", bob, false);
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.responses()).singleElement().satisfies(r -> assertThat(r.path("response_type").asText()).isEqualTo("ephemeral"));
        assertThat(workspace.messages().get(0).buttons()).hasSize(3);

        // the owner presses Done, from the terminal's command (through the workspace's /demo/press)
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new SlackCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), workspace.url())
                .execute(SlackCommand.parse(new String[]{"slack", "press", reminder.substring(0, 8), "done"}));
        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ada@demo.example (" + ada + ") pressed [Done]")
                .contains("Slack now shows the message as: Done ✓");
        JsonNode press = presses.get(presses.size() - 1);
        assertThat(press.path("type").asText()).isEqualTo("block_actions");
        assertThat(press.path("user").path("id").asText()).isEqualTo(ada);
        assertThat(press.path("team").path("id").asText()).isEqualTo(SlackWorkspace.TEAM_ID);
        assertThat(press.path("actions").get(0).path("value").asText()).isEqualTo("done:" + reminder);
        assertThat(press.path("actions").get(0).path("block_id").asText()).isEqualTo("upright-break");
        assertThat(press.path("response_url").asText()).startsWith(workspace.url() + "/actions/");

        SlackWorkspace.Message answered = workspace.messages().get(0);
        assertThat(answered.answered()).isEqualTo("Done ✓");
        assertThat(answered.buttons()).isEmpty();
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("only bob@… (" + bob + ") sees: Not yours")
                .contains("DM to ada@… (" + ada + ") now reads: Done ✓ (no buttons left)");
        // as in Slack, a button that is gone cannot be pressed
        assertThatThrownBy(() -> workspace.press(reminder, "done", null, false)).isInstanceOf(SlackWorkspace.PressRefused.class)
                .hasMessageContaining("no buttons any more");
        // the app may open a modal with the press's trigger id
        assertThat(slack.methods(token).viewsOpen(r -> r.triggerId(press.path("trigger_id").asText())
                .viewAsString("{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Your break\"}}")).isOk()).isTrue();

        // the curl way, and the list the terminal shows
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.url() + "/demo/press?reminder=ffffffff&answer=done"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Api.JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("unknown_reminder");
        printed.reset();
        new SlackCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), workspace.url())
                .execute(SlackCommand.parse(new String[]{"slack", "messages"}));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ada@demo.example").contains(reminder).contains("Done ✓");
    }

    @Test
    void the_app_s_token_members_and_messages_survive_a_restart() throws Exception {
        String token = install();
        String ada = slack.methods(token).usersLookupByEmail(r -> r.email("ada@demo.example")).getUser().getId();
        String reminder = UUID.randomUUID().toString();
        slack.methods(token).chatPostMessage(r -> r.channel(ada).text("Stand up.").blocksAsString(reminderBlocks("Stand up.", reminder)));
        workspace.close();

        workspace = startWorkspace();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
        config.setStatsEnabled(false);
        slack.close();
        slack = Slack.getInstance(config);
        assertThat(workspace.installed()).isTrue();
        assertThat(slack.methods(token).usersInfo(r -> r.user(ada)).isOk()).isTrue();
        assertThat(workspace.messages()).extracting(SlackWorkspace.Message::reminderId).containsExactly(reminder);
        assertThat(workspace.press(reminder, "skip", null, true).responses()).isNotEmpty();
    }

    // --- helpers

    private String install() throws Exception {
        HttpResponse<String> authorize = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.authorizeUrl() + "?client_id=" + CLIENT_ID
                + "&scope=chat:write&state=s&redirect_uri=" + encode(redirectUri))).GET().build(), HttpResponse.BodyHandlers.ofString());
        String code = split(URI.create(authorize.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("code");
        return slack.methods().oauthV2Access(r -> r.clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).code(code).redirectUri(redirectUri))
                .getAccessToken();
    }

    /** What the reminders service does with a press: checks Slack's signature, answers 200, then uses the response_url. */
    private void appReceivesPress(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean valid = new SlackSignature.Verifier(new SlackSignature.Generator(SIGNING_SECRET)).isValid(
                exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"), body,
                exchange.getRequestHeaders().getFirst("X-Slack-Signature"));
        exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        exchange.close();
        if (!valid) {
            return;
        }
        JsonNode payload = Api.JSON.readTree(split(body).get("payload"));
        presses.add(payload);
        String user = payload.path("user").path("id").asText();
        String owner = SlackWorkspace.userIdOf("ada@demo.example");
        Map<String, Object> answer = new LinkedHashMap<>();
        if (user.equals(owner)) {
            answer.put("replace_original", true);
            answer.put("text", "Done ✓");
            answer.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "plain_text", "text", "Stand up.")),
                    Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", "*Done ✓*")))));
        } else {
            answer.put("response_type", "ephemeral");
            answer.put("replace_original", false);
            answer.put("text", "Not yours");
        }
        var sent = slack.send(payload.path("response_url").asText(), Api.JSON.writeValueAsString(answer));
        assertThat(sent.getCode()).isEqualTo(200);
    }

    /** The blocks the reminders service sends (SlackBlocks): a section, then Done / Snooze 10 min / Skip. */
    private static String reminderBlocks(String text, String reminder) {
        return Api.JSON.valueToTree(List.of(
                Map.of("type", "section", "text", Map.of("type", "plain_text", "text", text, "emoji", true)),
                Map.of("type", "actions", "block_id", "upright-break", "elements", List.of(
                        button("done", "Done", reminder), button("snooze", "Snooze 10 min", reminder), button("skip", "Skip", reminder))))).toString();
    }

    private static Map<String, Object> button(String action, String label, String reminder) {
        return Map.of("type", "button", "action_id", action, "text", Map.of("type", "plain_text", "text", label),
                "value", action + ":" + reminder);
    }

    private static Map<String, String> split(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
