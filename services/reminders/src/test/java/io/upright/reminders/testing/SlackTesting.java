package io.upright.reminders.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import io.restassured.specification.RequestSpecification;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the Slack tests share: requests signed as Slack signs them, and reading what the SDK sent the stand-in. */
public final class SlackTesting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackTesting() {
    }

    /** A request to the service signed now with the app's signing secret, by the SDK's own generator. */
    public static RequestSpecification signed(String signingSecret, byte[] body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(signingSecret).generate(timestamp, new String(body, StandardCharsets.UTF_8));
        return given().header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature);
    }

    /** The form fields of a Web API call the stand-in received. */
    public static Map<String, String> form(LoggedRequest request) {
        return split(request.getBodyAsString());
    }

    /** {@code a=1&b=2}, decoded. */
    public static Map<String, String> split(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ten upper-case characters, for Slack-like ids (T…, U…) that differ from test to test. */
    public static String randomId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
