package io.upright.local;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The benchmark's lean Slack workspace, called as the reminders service calls Slack: through Slack's Java SDK. */
class SlackLoadWorkspaceTest {

    private static final String REDIRECT = "http://127.0.0.1:9/api/slack/oauth/callback";
    private static final SlackWorkspace.App APP = new SlackWorkspace.App("1234567890.9876543210", "secret", "signing", REDIRECT,
            "http://127.0.0.1:9/api/slack/interactions");

    private SlackLoadWorkspace workspace;
    private Slack slack;

    @BeforeEach
    void start() {
        workspace = SlackLoadWorkspace.start(0, APP);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        slack.close();
    }

    @Test
    void a_reminder_dm_is_recorded_with_the_reminder_its_buttons_name_and_every_call_is_counted() throws Exception {
        String token = install();
        String ada = workspace.addMember("ada@bench.example");
        assertThat(slack.methods(token).usersLookupByEmail(r -> r.email("ADA@bench.example")).getUser().getId()).isEqualTo(ada);
        assertThat(slack.methods(token).usersLookupByEmail(r -> r.email("nobody@bench.example")).getError()).isEqualTo("users_not_found");
        assertThat(slack.methods(token).dndInfo(r -> r.user(ada)).isDndEnabled()).isFalse();
        assertThat(slack.methods(token).usersProfileGet(r -> r.user(ada)).getProfile().getHuddleState()).isEqualTo("default_unset");

        UUID reminder = UUID.randomUUID();
        String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Stand up\"}},{\"type\":\"actions\",\"elements\":["
                + "{\"type\":\"button\",\"action_id\":\"done\",\"text\":{\"type\":\"plain_text\",\"text\":\"Done\"},\"value\":\"done:" + reminder + "\"}]}]";
        ChatPostMessageResponse posted = slack.methods(token).chatPostMessage(r -> r.channel(ada).text("Stand up").blocksAsString(blocks));
        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getChannel()).isEqualTo("D" + ada.substring(1));
        assertThat(slack.methods(token).chatPostMessage(r -> r.channel("U0NOBODY00").text("x")).getError()).isEqualTo("channel_not_found");

        assertThat(workspace.posts()).extracting(SlackLoadWorkspace.Post::reminderId).containsExactly(reminder);
        assertThat(workspace.calls()).containsEntry("users.lookupByEmail", 2L).containsEntry("dnd.info", 1L)
                .containsEntry("users.profile.get", 1L).containsEntry("chat.postMessage", 2L).containsEntry("oauth.v2.access", 1L);
        assertThat(workspace.refused()).isEmpty();
        assertThat(slack.methods("xoxb-made-up").dndInfo(r -> r.user(ada)).getError()).isEqualTo("invalid_auth");
    }

    @Test
    void a_tier_3_method_beyond_50_calls_a_minute_is_refused_with_429_and_retry_after() throws Exception {
        String token = install();
        String ada = workspace.addMember("ada@bench.example");
        for (int i = 0; i < 50; i++) {
            assertThat(slack.methods(token).dndInfo(r -> r.user(ada)).isOk()).isTrue();
        }
        SlackApiException refused = catchThrowableOfType(() -> slack.methods(token).dndInfo(r -> r.user(ada)), SlackApiException.class);
        assertThat(refused.getResponse().code()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getResponse().header("Retry-After"))).isBetween(1L, 60L);
        assertThat(workspace.refused()).containsEntry("dnd.info", 1L);
        // another method has its own budget
        assertThat(slack.methods(token).usersProfileGet(r -> r.user(ada)).isOk()).isTrue();
    }

    private String install() throws Exception {
        HttpResponse<String> approved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(workspace.authorizeUrl()
                + "?client_id=" + APP.clientId() + "&scope=chat:write&state=s1&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=s1");
        String code = URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")), StandardCharsets.UTF_8);
        OAuthV2AccessResponse access = slack.methods().oauthV2Access(r -> r.clientId(APP.clientId()).clientSecret(APP.clientSecret())
                .code(code).redirectUri(REDIRECT));
        assertThat(access.isOk()).as(access.getError()).isTrue();
        return access.getAccessToken();
    }
}
