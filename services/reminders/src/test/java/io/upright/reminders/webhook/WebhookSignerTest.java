package io.upright.reminders.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.upright.platform.crypto.AesGcm;
import io.upright.platform.crypto.KeyRing;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_new_secret_is_whsec_and_24_random_bytes_in_base64() {
        String secret = WebhookSigner.newSecret(random);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
        assertThat(WebhookSigner.newSecret(random)).isNotEqualTo(secret);
    }

    @Test
    void our_signature_verifies_with_the_standard_webhooks_reference_library() throws Exception {
        String secret = WebhookSigner.newSecret(random);
        String id = UUID.randomUUID().toString();
        long timestamp = Instant.now().getEpochSecond();
        String body = "{\"type\":\"break.reminder\",\"message\":\"Stand up – gönn dir eine Pause\"}";

        String signature = WebhookSigner.sign(secret, id, timestamp, body);

        assertThat(signature).startsWith("v1,");
        assertThat(signature).isEqualTo(new Webhook(secret).sign(id, timestamp, body));
        new Webhook(secret).verify(body, headers(id, timestamp, signature)); // throws when it does not verify
    }

    @Test
    void a_changed_body_or_another_secret_does_not_verify() {
        String secret = WebhookSigner.newSecret(random);
        String id = UUID.randomUUID().toString();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSigner.sign(secret, id, timestamp, "{\"a\":1}");

        assertThatThrownBy(() -> new Webhook(secret).verify("{\"a\":2}", headers(id, timestamp, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSigner.newSecret(random)).verify("{\"a\":1}", headers(id, timestamp, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void sealed_secrets_open_with_the_same_key_only() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretBox box = new SecretBox(new KeyRing(AesGcm.key(key), Optional.empty(), List.of(), "none"));
        String secret = WebhookSigner.newSecret(random);

        String sealed = box.seal(secret);

        assertThat(sealed).doesNotContain(secret.substring(6));
        assertThat(box.seal(secret)).isNotEqualTo(sealed); // fresh nonce every time
        assertThat(box.open(sealed)).isEqualTo(secret);
        byte[] otherKey = new byte[32];
        random.nextBytes(otherKey);
        assertThatThrownBy(() -> new SecretBox(new KeyRing(AesGcm.key(otherKey), Optional.empty(), List.of(), "none")).open(sealed)).isInstanceOf(IllegalStateException.class)
                .message().doesNotContain(secret);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
