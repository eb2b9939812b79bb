package io.upright.reminders.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack request signing: {@code X-Slack-Signature} is {@code v0=} + hex HMAC-SHA256, keyed with the app's
 * signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}. A request older (or further in the
 * future) than five minutes is refused so a captured one cannot be replayed later.
 */
public final class SlackSignature {

    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private SlackSignature() {
    }

    public static String sign(String signingSecret, long timestampSeconds, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestampSeconds + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the request is Slack's, fresh, and unaltered. Any missing or malformed part is simply false. */
    public static boolean verify(String signingSecret, String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
        if (signingSecret == null || signingSecret.isBlank() || timestampHeader == null || signatureHeader == null || rawBody == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_AGE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(signingSecret, timestamp, rawBody).getBytes(StandardCharsets.UTF_8);
        // constant time: how much of a guess matched must not show in the response time
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8));
    }
}
