package io.upright.reminders.webhook;

import io.upright.platform.crypto.AesGcm;
import io.upright.platform.crypto.KeyRing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Seals the service's credentials at rest (webhook signing secrets, chat URLs, bot tokens, shared contacts) as base64
 * text, AES-256-GCM under the current secret key, so neither the event store nor a read model ever holds a usable
 * one. While the secret key is being replaced, values sealed under the next or a previous key open too.
 */
public final class SecretBox {

    private static final byte[] NO_CONTEXT = new byte[0];

    private final KeyRing keys;

    /** A sealed value opened, and whether it was sealed under a previous key (so it should be sealed again). */
    public record Opened(String plaintext, boolean underPrevious) {
    }

    public SecretBox(KeyRing keys) {
        this.keys = keys;
    }

    public String seal(String plaintext) {
        return Base64.getEncoder().encodeToString(keys.seal(plaintext.getBytes(StandardCharsets.UTF_8), NO_CONTEXT));
    }

    /** @throws IllegalStateException when no configured key opens it; the message carries nothing of the value */
    public Opened openAndTell(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a sealed credential: it is not base64");
        }
        try {
            KeyRing.Opened opened = keys.open(bytes, NO_CONTEXT);
            return new Opened(new String(opened.plaintext(), StandardCharsets.UTF_8), opened.underPrevious());
        } catch (AesGcm.TamperedException e) {
            throw new IllegalStateException("Cannot decrypt a sealed credential (" + e.getMessage() + ")");
        }
    }

    /** @throws IllegalStateException when no configured key opens it; the message carries nothing of the value */
    public String open(String sealed) {
        return openAndTell(sealed).plaintext();
    }

    /** Whether keys the current one replaced are configured, so stored values may still need sealing again. */
    public boolean rotating() {
        return keys.rotating();
    }
}
