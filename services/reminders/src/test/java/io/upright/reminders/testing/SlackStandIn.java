package io.upright.reminders.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for Slack's Web API (Slack itself cannot be reached from here): WireMock on 127.0.0.1, with the
 * service's Slack SDK pointed at it. Tests stub Slack's documented answers and check every request the SDK made.
 */
public class SlackStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "1234567890.0987654321";
    public static final String CLIENT_SECRET = "test-only-slack-client-secret";
    public static final String REDIRECT_URI = "https://upright.example/api/slack/oauth/callback";

    private static volatile WireMockServer server;

    /** The running stand-in. */
    public static WireMockServer slack() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of(
                "upright.reminders.slack-app.api-url", server.baseUrl() + "/api/",
                "upright.reminders.slack-app.client-id", CLIENT_ID,
                "upright.reminders.slack-app.client-secret", CLIENT_SECRET,
                "upright.reminders.slack-app.redirect-uri", REDIRECT_URI);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
