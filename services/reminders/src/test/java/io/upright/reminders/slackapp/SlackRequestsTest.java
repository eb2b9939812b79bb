package io.upright.reminders.slackapp;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's request signatures, checked by the SDK's verifier on bodies signed by the SDK's generator. */
class SlackRequestsTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");
    private final long ts = now.getEpochSecond();
    private final byte[] body = "payload=%7B%22type%22%3A%22block_actions%22%7D".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_sdk_signs_v0_hex_hmac_sha256_over_version_timestamp_and_raw_body_as_slack_documents() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0=" + HexFormat.of().formatHex(
                mac.doFinal(("v0:" + ts + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(sign(SECRET, ts, body)).isEqualTo(expected);
    }

    @Test
    void a_fresh_correctly_signed_request_is_accepted() {
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts), sign(SECRET, ts, body), body, now)).isTrue();
        // within the five minutes either way
        long old = ts - 299;
        assertThat(SlackRequests.verified(SECRET, Long.toString(old), sign(SECRET, old, body), body, now)).isTrue();
    }

    @Test
    void a_wrong_signature_a_stale_timestamp_or_a_tampered_body_is_refused() {
        String good = sign(SECRET, ts, body);
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts), sign("another-secret", ts, body), body, now)).isFalse();
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts), good.replace("v0=", "v1="), body, now)).isFalse();
        long stale = ts - 301;
        assertThat(SlackRequests.verified(SECRET, Long.toString(stale), sign(SECRET, stale, body), body, now)).isFalse();
        long future = ts + 301;
        assertThat(SlackRequests.verified(SECRET, Long.toString(future), sign(SECRET, future, body), body, now)).isFalse();
        byte[] tampered = "payload=%7B%22type%22%3A%22block_actionz%22%7D".getBytes(StandardCharsets.UTF_8);
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts), good, tampered, now)).isFalse();
        // the timestamp is part of what is signed: moving it invalidates the signature
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts + 1), good, body, now)).isFalse();
    }

    /** Signed as Slack signs, by the SDK's generator. */
    static String sign(String secret, long timestamp, byte[] body) {
        return new com.slack.api.app_backend.SlackSignature.Generator(secret).generate(Long.toString(timestamp),
                new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void missing_or_malformed_parts_and_an_unset_secret_are_refused() {
        String good = sign(SECRET, ts, body);
        assertThat(SlackRequests.verified(SECRET, null, good, body, now)).isFalse();
        assertThat(SlackRequests.verified(SECRET, "yesterday", good, body, now)).isFalse();
        assertThat(SlackRequests.verified(SECRET, Long.toString(ts), null, body, now)).isFalse();
        assertThat(SlackRequests.verified(null, Long.toString(ts), good, body, now)).isFalse();
        assertThat(SlackRequests.verified("", Long.toString(ts), good, body, now)).isFalse();
    }
}
