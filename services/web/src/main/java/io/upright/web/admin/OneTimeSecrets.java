package io.upright.web.admin;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook endpoint's new secret (a new endpoint's, or one just rotated), held between the POST that made it and the
 * page the browser is sent to (303), so that it is shown exactly once and never travels in a URL. Taken once;
 * forgotten after a few minutes if the page is never opened. Kept in memory only: after a restart the admin rotates
 * the secret again, which is what losing it would need anyway.
 */
@ApplicationScoped
public class OneTimeSecrets {

    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param previousValidUntil after a rotation, until when the old secret signs too; null for a new endpoint */
    public record Shown(String url, String secret, Instant previousValidUntil) {
    }

    private record Held(Shown shown, String owner, Instant until) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public OneTimeSecrets(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a new endpoint's secret for {@code owner} (the admin who made it): the unguessable key to fetch it by. */
    public String keep(String owner, String url, String secret) {
        return keep(owner, url, secret, null);
    }

    /** Keeps a rotated secret, with the time until which the old one still signs, as {@link #keep(String, String, String)}. */
    public String keep(String owner, String url, String secret, Instant previousValidUntil) {
        forgetExpired();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        held.put(key, new Held(new Shown(url, secret, previousValidUntil), owner, clock.instant().plus(KEPT_FOR)));
        return key;
    }

    /** The secret, the first time its owner asks within the time; empty ever after and for anyone else. */
    public Optional<Shown> take(String owner, String key) {
        if (key == null || owner == null) {
            return Optional.empty();
        }
        Held found = held.get(key);
        if (found == null || !found.owner().equals(owner)) {
            return Optional.empty();
        }
        held.remove(key);
        return found.until().isAfter(clock.instant()) ? Optional.of(found.shown()) : Optional.empty();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
            if (!it.next().until().isAfter(now)) {
                it.remove();
            }
        }
    }
}
