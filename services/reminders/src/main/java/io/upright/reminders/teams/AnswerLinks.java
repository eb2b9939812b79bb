package io.upright.reminders.teams;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed answer links (pure): {@code <reminderId>.<answer>.<expiresEpochSeconds>.<signature>}, the signature being
 * base64url (no padding) of HMAC-SHA256, under the service's answer-link key, of everything before it. The answer is
 * {@code done}, {@code snooze} or {@code skip}: the link says nothing about the employee (not what Done records, which
 * is kept on the reminder, and nothing else derived from their assessment), since it sits in an employer's chat tool
 * where anyone in the channel can read and open it. Anyone holding the link can answer that one reminder that one way
 * until it expires, nothing else; answering is recorded once per reminder, so a used link does nothing more.
 * Links issued before carried {@code done-<activity>-<minutes>}; they still verify, until they expire, as written.
 */
public final class AnswerLinks {

    public static final String DONE = "done";
    public static final String SNOOZE = "snooze";
    public static final String SKIP = "skip";

    /** The answers a link is issued for. */
    private static final Pattern ISSUED = Pattern.compile("done|snooze|skip");
    /** The answers a link is accepted for: also the older Done links that said what they record. */
    private static final Pattern ANSWER = Pattern.compile("done|snooze|skip|done-(stand|walk|stretch|routine)-\\d{1,3}");

    private final byte[] key;

    public AnswerLinks(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an answer-link key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** A verified link. {@code activity}/{@code minutes} are set only by an older Done link that carried them. */
    public record Answer(UUID reminderId, String action, String activity, Integer minutes, Instant expiresAt) {
    }

    public String token(UUID reminderId, String answer, Instant expiresAt) {
        if (!ISSUED.matcher(answer).matches()) {
            throw new IllegalArgumentException("not an answer a link can carry: " + answer);
        }
        String payload = reminderId + "." + answer + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** @return empty for a malformed, tampered or expired token; the signature is compared in constant time */
    public Optional<Answer> verify(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 3 || !ANSWER.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        try {
            UUID reminder = UUID.fromString(parts[0]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!now.isBefore(expires)) {
                return Optional.empty();
            }
            if (parts[1].startsWith("done-")) {
                String[] done = parts[1].split("-");
                return Optional.of(new Answer(reminder, "done", done[1], Integer.valueOf(done[2]), expires));
            }
            return Optional.of(new Answer(reminder, parts[1], null, null, expires));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the token is well-formed and correctly signed, though maybe expired (to tell 410 from 403). */
    public boolean authentic(String token) {
        int lastDot = token == null ? -1 : token.lastIndexOf('.');
        if (lastDot <= 0 || token.length() > 200) {
            return false;
        }
        return MessageDigest.isEqual(sign(token.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII),
                token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
