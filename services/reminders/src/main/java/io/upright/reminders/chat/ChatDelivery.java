package io.upright.reminders.chat;

import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.webhook.WebhookDelivery;
import io.upright.reminders.reminder.DeliveryOutcome;
import io.upright.reminders.webhook.WebhookEndpoints;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts a prepared message (Slack Block Kit, Teams Adaptive Card) to a chat channel's incoming webhook, through
 * the SSRF guard on every call and paced to one message per second per channel (Slack's limit, applied to Teams
 * alike). Never logs the URL: it is the credential (Slack) or carries the workflow's signature (Teams).
 */
@ApplicationScoped
public class ChatDelivery {

    @Inject
    Clock clock;

    // keyed by channel id, so one limiter paces every kind's channels each on its own
    private final SlackRateLimiter limiter = new SlackRateLimiter();

    @Inject
    HttpClient client;

    @Inject
    RemindersConfig config;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    public CompletableFuture<DeliveryOutcome> send(ChatTarget target, String body) {
        URI uri;
        try {
            uri = endpoints.guard().check(secrets.open(target.sealedUrl()));
        } catch (ProblemException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.BLOCKED);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.FAILED); // URL cannot be unsealed (key changed)
        }
        // wait at most one call's timeout for the channel's turn, so the engine's wait for the outcome stays bounded;
        // a channel that busy fails this round and the reminder is retried within its time to live
        Optional<Duration> wait = limiter.reserve(target.channelId(), Instant.now(clock), config.deliveryTimeout());
        if (wait.isEmpty()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.FAILED);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.deliveryTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Upright-Reminders/1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<Void> turn = wait.get().isZero() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS));
        return turn.thenCompose(ignored -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .handle((response, failure) -> {
                    if (failure != null) {
                        return DeliveryOutcome.FAILED;
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return DeliveryOutcome.DELIVERED; // Teams workflows answer 202 Accepted
                    }
                    if (status == 429) {
                        // one Retry-After reading for every channel; without a usable one: a minute
                        Instant now = Instant.now(clock);
                        limiter.backOff(target.channelId(), now.plus(WebhookDelivery.retryAfter(
                                response.headers().firstValue("retry-after"), now).orElse(Duration.ofMinutes(1))));
                    }
                    return DeliveryOutcome.ofFailedStatus(status);
                });
    }
}
