package io.upright.reminders.webhook;

import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Posts a signed Standard Webhooks message to one endpoint. Never logs the URL (it can embed a token) or the secret. */
@ApplicationScoped
public class WebhookDelivery {

    @Inject
    Clock clock;

    /** The longest Retry-After honoured; a receiver asking for more is simply not retried within the reminder's life. */
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    /**
     * An endpoint as the engine hands it over: the secrets still sealed. {@code sealedPreviousSecret} is the secret a
     * rotation replaced, which still signs until {@code previousSecretUntil}; both null when none does.
     */
    public record Target(UUID endpointId, String url, String sealedSecret, String sealedPreviousSecret,
                         Instant previousSecretUntil) {

        public Target(UUID endpointId, String url, String sealedSecret) {
            this(endpointId, url, sealedSecret, null, null);
        }

        /** The sealed secrets that sign a message sent at {@code now}: the current one, then the old one in its overlap. */
        public List<String> sealedSecretsAt(Instant now) {
            return sealedPreviousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                    ? List.of(sealedSecret, sealedPreviousSecret)
                    : List.of(sealedSecret);
        }
    }

    @Inject
    HttpClient client;

    /**
     * Endpoints that asked (Retry-After) not to be called before an instant. Kept per endpoint, not per reminder,
     * so no other reminder calls them earlier either. In memory: each instance learns it from its own calls.
     */
    private final Map<UUID, Instant> pausedUntil = new ConcurrentHashMap<>();

    @Inject
    RemindersConfig config;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    /** @param messageId the {@code webhook-id}: the reminder id, the same on every retry so receivers can deduplicate */
    public CompletableFuture<DeliveryOutcome> send(Target target, UUID messageId, String body) {
        return send(target, messageId, body, DeliveryChannel.Round.none());
    }

    /** @param round an engine round: the endpoint's secret is opened once for all its reminders */
    public CompletableFuture<DeliveryOutcome> send(Target target, UUID messageId, String body, DeliveryChannel.Round round) {
        URI uri;
        try {
            uri = endpoints.guard().check(target.url());
        } catch (ProblemException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.BLOCKED);
        }
        Instant now = Instant.now(clock);
        Instant paused = pausedUntil.get(target.endpointId());
        if (paused != null) {
            if (now.isBefore(paused)) {
                return CompletableFuture.completedFuture(DeliveryOutcome.THROTTLED); // not called at all before its Retry-After
            }
            pausedUntil.remove(target.endpointId(), paused);
        }
        HttpRequest request;
        try {
            List<String> signing = new ArrayList<>();
            for (String sealed : target.sealedSecretsAt(now)) {
                signing.add(round.once(List.of("webhook-secret", sealed), () -> secrets.open(sealed)));
            }
            request = signed(uri, signing, messageId, now, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.FAILED); // unreadable secret: retrying will not help, but neither does crashing
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return DeliveryOutcome.FAILED;
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return DeliveryOutcome.DELIVERED;
                    }
                    if (status == 429 || status == 503) {
                        Optional<Duration> wait = retryAfter(response.headers().firstValue("retry-after"), Instant.now(clock));
                        if (wait.isPresent()) {
                            pausedUntil.merge(target.endpointId(), Instant.now(clock).plus(wait.get()),
                                    (a, b) -> a.isAfter(b) ? a : b);
                            return DeliveryOutcome.THROTTLED;
                        }
                    }
                    return DeliveryOutcome.ofFailedStatus(status);
                });
    }

    /**
     * Sends one test message to an endpoint now and waits for its answer (at most the delivery timeout), signed and
     * guarded exactly as a reminder is. It only reports: a 410 disables nothing and a Retry-After pauses nothing, since
     * an admin's test is no reminder and changes no state. An endpoint that asked a reminder to wait is not called.
     */
    public WebhookTestResult sendTest(Target target, UUID messageId, Instant now, String body) {
        URI uri;
        try {
            uri = endpoints.guard().check(target.url());
        } catch (ProblemException e) {
            return WebhookTestResult.notSent(WebhookTestResult.ADDRESS_REFUSED);
        }
        Optional<Instant> paused = pausedUntil(target.endpointId());
        if (paused.isPresent()) {
            return WebhookTestResult.paused(paused.get());
        }
        HttpRequest request;
        try {
            request = signed(uri, target.sealedSecretsAt(now).stream().map(secrets::open).toList(), messageId, now, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return WebhookTestResult.notSent(WebhookTestResult.SECRET_UNREADABLE);
        }
        // a monotonic timer, not the clock: this measures how long the call took, it reads no time of day
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return WebhookTestResult.answered(response.statusCode(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return WebhookTestResult.failed(e, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookTestResult.failed(e, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * One message as every receiver gets it: Standard Webhooks headers signed over exactly this body, once per secret
     * (space-separated, as the spec allows, so a receiver holding either secret verifies it during a rotation).
     *
     * @param secrets the endpoint's secrets, opened: the current one first
     * @throws IllegalArgumentException when a secret is not a Standard Webhooks secret
     */
    private HttpRequest signed(URI uri, List<String> secrets, UUID messageId, Instant now, String body) {
        long timestamp = now.getEpochSecond();
        String signature = secrets.stream().map(secret -> WebhookSigner.sign(secret, messageId.toString(), timestamp, body))
                .collect(Collectors.joining(" "));
        return HttpRequest.newBuilder(uri)
                .timeout(config.deliveryTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Upright-Reminders/1")
                .header("webhook-id", messageId.toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The instant before which this endpoint asked not to be called, if it did and that is still ahead. */
    public Optional<Instant> pausedUntil(UUID endpointId) {
        return Optional.ofNullable(pausedUntil.get(endpointId)).filter(until -> until.isAfter(Instant.now(clock)));
    }

    /**
     * A {@code Retry-After} value: delay-seconds or an HTTP date (RFC 9110), capped at an hour. Empty when
     * absent, unreadable or already past: the engine's own backoff then applies.
     */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait);
    }
}
