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
 * A new webhook endpoint's secret, held between the POST that created it and the page the browser is sent to (303),
 * so that it is shown exactly once and never travels in a URL. Taken once; forgotten after a few minutes if the page
 * is never opened. Kept in memory only: after a restart the admin makes a new endpoint, which is what losing the
 * secret would need anyway.
 */
@ApplicationScoped
public class OneTimeSecrets {

    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Shown(String url, String secret) {
    }

    private record Held(Shown shown, String owner, Instant until) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public OneTimeSecrets(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the secret for {@code owner} (the admin who made it) and returns the unguessable key to fetch it by. */
    public String keep(String owner, String url, String secret) {
        forgetExpired();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        held.put(key, new Held(new Shown(url, secret), owner, clock.instant().plus(KEPT_FOR)));
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
