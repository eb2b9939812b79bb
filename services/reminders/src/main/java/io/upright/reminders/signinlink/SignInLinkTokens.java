package io.upright.reminders.signinlink;

import io.upright.platform.crypto.AesGcm;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals a {@link SignInLink} into the opaque token of its URL and opens it again. AES-GCM both signs and hides it:
 * a changed token does not open, and whoever sees the link in a chat (a workspace admin's export included) learns
 * nothing from it, not even the employee id.
 */
public final class SignInLinkTokens {

    private static final byte[] CONTEXT = "upright-sign-in-link-v1".getBytes(StandardCharsets.UTF_8);
    private final SecretKey key;

    public SignInLinkTokens(byte[] key) {
        this.key = AesGcm.key(java.util.Arrays.copyOf(key, AesGcm.KEY_BYTES));
    }

    public String seal(SignInLink link) {
        String plain = String.join("|", link.tenant(), link.employeeId().toString(), link.destination().code(),
                link.nonce().toString(), Long.toString(link.expiresAt().getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(AesGcm.encrypt(key, plain.getBytes(StandardCharsets.UTF_8), CONTEXT));
    }

    /** The link inside {@code token}; empty when it is not one of ours (changed, truncated, another key). */
    public Optional<SignInLink> open(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(AesGcm.decrypt(key, Base64.getUrlDecoder().decode(token), CONTEXT), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            Optional<Destination> destination = Destination.ofCode(parts[2]);
            return destination.map(d -> new SignInLink(parts[0], UUID.fromString(parts[1]), d, UUID.fromString(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException | AesGcm.TamperedException e) {
            return Optional.empty();
        }
    }
}
