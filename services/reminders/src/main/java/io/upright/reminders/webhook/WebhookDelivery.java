package io.upright.reminders.webhook;

import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Posts a signed Standard Webhooks message to one endpoint. Never logs the URL (it can embed a token) or the secret. */
@ApplicationScoped
public class WebhookDelivery {

    /** Where one call ended: accepted (2xx), gone for good (410), failed (anything else), or refused by the guard. */
    public enum Outcome { DELIVERED, GONE, FAILED, BLOCKED }

    /** An endpoint as the engine hands it over: the secret still sealed. */
    public record Target(UUID endpointId, String url, String sealedSecret) {
    }

    private HttpClient client;

    @Inject
    RemindersConfig config;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.deliveryTimeout())
                // a redirect could lead past the SSRF guard
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param messageId the {@code webhook-id}: the reminder id, the same on every retry so receivers can deduplicate */
    public CompletableFuture<Outcome> send(Target target, UUID messageId, String body) {
        URI uri;
        try {
            uri = endpoints.guard().check(target.url());
        } catch (ProblemException e) {
            return CompletableFuture.completedFuture(Outcome.BLOCKED);
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = WebhookSigner.sign(secrets.open(target.sealedSecret()), messageId.toString(), timestamp, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.FAILED); // unreadable secret: retrying will not help, but neither does crashing
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.deliveryTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Upright-Reminders/1")
                .header("webhook-id", messageId.toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return Outcome.FAILED;
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return Outcome.DELIVERED;
                    }
                    return status == 410 ? Outcome.GONE : Outcome.FAILED;
                });
    }
}
