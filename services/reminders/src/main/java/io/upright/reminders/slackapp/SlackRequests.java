package io.upright.reminders.slackapp;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a request really comes from Slack: the SDK's verifier checks the v0 signature (HMAC-SHA256 with the app's
 * signing secret over version, timestamp and raw body) and refuses a timestamp over five minutes old. A timestamp as
 * far in the future is refused here too, so a captured request cannot be replayed later either way.
 */
public final class SlackRequests {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private SlackRequests() {
    }

    public static boolean verified(String signingSecret, String timestamp, String signature, byte[] body, Instant now) {
        if (signingSecret == null || signingSecret.isBlank() || timestamp == null || signature == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Instant.ofEpochSecond(seconds).isAfter(now.plus(WINDOW))) {
            return false;
        }
        try {
            return new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret))
                    .isValid(timestamp, new String(body, StandardCharsets.UTF_8), signature, now.toEpochMilli());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
