package io.upright.reminders.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's test-send to one of the tenant's webhook endpoints: one signed {@link WebhookTestEvent}, now, and what
 * the endpoint answered. It records nothing (no event, no row, no queue entry): a ping changes no state, so by the
 * conventions it publishes no event either, and it never counts as a reminder's delivery.
 */
@ApplicationScoped
public class WebhookTestSends {

    private static final Logger LOG = Logger.getLogger(WebhookTestSends.class);

    /** A few tries to fix a receiver are plenty; more a minute would only load someone's endpoint. */
    static final int PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final TestSendAllowance allowance = new TestSendAllowance(PER_WINDOW, WINDOW);

    @Inject
    Clock clock;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookDelivery delivery;

    @Inject
    ObjectMapper json;

    /**
     * What a test-send did; or, when the endpoint was tested too often, only how long until the next test is allowed
     * ({@code messageId}, {@code sentAt} and {@code result} then null).
     */
    public record Outcome(UUID endpointId, UUID messageId, Instant sentAt, WebhookTestResult result,
                          Optional<Duration> retryAfter) {

        static Outcome sent(UUID endpointId, UUID messageId, Instant sentAt, WebhookTestResult result) {
            return new Outcome(endpointId, messageId, sentAt, result, Optional.empty());
        }

        static Outcome tooSoon(UUID endpointId, Duration wait) {
            return new Outcome(endpointId, null, null, null, Optional.of(wait));
        }
    }

    /** @throws io.upright.platform.problem.ProblemException 404 for an endpoint not of this tenant */
    public Outcome send(String tenant, UUID endpointId) {
        WebhookEndpointRecord endpoint = endpoints.get(tenant, endpointId);
        Instant now = Instant.now(clock);
        Optional<Duration> wait = allowance.take(endpoint.id, now);
        if (wait.isPresent()) {
            return Outcome.tooSoon(endpoint.id, wait.get());
        }
        UUID messageId = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(WebhookTestEvent.of(messageId, tenant, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a test event", e);
        }
        WebhookTestResult result = delivery.sendTest(
                endpoint.target(), messageId, now, body);
        // never the URL (it can embed a token)
        LOG.infof("Test-send to webhook endpoint %s: status %s, error %s, %d ms", endpoint.id, result.statusCode(),
                result.error(), result.durationMillis());
        return Outcome.sent(endpoint.id, messageId, now, result);
    }
}
