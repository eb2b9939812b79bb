package io.upright.reminders.slackapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack app's bot messages each employee directly ({@code chat.postMessage} to their user id). An employee with no
 * Slack user, or a tenant without the app, gets none: their other channels serve them. The message is the same words
 * for everyone; what it suggests to this person is only shown to them when they ask.
 *
 * <p>When Slack answers 429, no further call goes to that installation's workspace before its {@code Retry-After}
 * (held in memory: each instance learns it from its own 429); the reminder is retried within its time to live (the
 * engine reads {@link #pausedUntil}).
 */
@ApplicationScoped
public class SlackDirectMessageChannel implements DeliveryChannel {

    private static final Logger LOG = Logger.getLogger(SlackDirectMessageChannel.class);
    /** Stands for "no installation could be read" in a failed call: the engine retries, and disables nothing. */
    private static final UUID UNKNOWN = new UUID(0, 0);
    private static final Duration DEFAULT_BACK_OFF = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    @Inject
    SlackApps apps;

    @Inject
    SlackMembers members;

    @Inject
    SlackMessages messages;

    @Inject
    SlackWebApi slack;

    @Inject
    ObjectMapper json;

    @Inject
    ManagedExecutor executor;

    /** Per installation: no call before this instant (Slack's Retry-After, whichever method asked for it). */
    private final ConcurrentHashMap<UUID, Instant> throttledUntil = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public boolean answerable() {
        return true;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder) {
        SlackApps.ActiveInstallation installation;
        String token;
        try {
            Optional<SlackApps.ActiveInstallation> active = apps.activeInstallation(reminder.tenant());
            if (active.isEmpty()) {
                return List.of();
            }
            installation = active.get();
            if (pausedUntil(installation.id()).isPresent()) {
                return List.of(new Call(installation.id(), CompletableFuture.completedFuture(DeliveryOutcome.THROTTLED)));
            }
            token = apps.botToken(installation);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the Slack installation of tenant %s: %s", reminder.tenant(), e.toString());
            return List.of(Call.failed(UNKNOWN));
        }
        Optional<String> user;
        try {
            user = members.slackUser(installation, token, reminder.employeeId());
        } catch (SlackWebApi.SlackCallFailed e) {
            return List.of(new Call(installation.id(), CompletableFuture.completedFuture(outcome(e, installation, reminder))));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot find employee %s in Slack: %s", reminder.employeeId(), e.toString());
            return List.of(Call.failed(installation.id()));
        }
        if (user.isEmpty()) {
            return List.of();
        }
        String blocks;
        try {
            blocks = json.writeValueAsString(SlackBlocks.of(reminder.message()).get("blocks"));
        } catch (JsonProcessingException e) {
            return List.of(Call.failed(installation.id()));
        }
        String slackUser = user.get();
        CompletableFuture<DeliveryOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                SlackWebApi.Posted posted = slack.postMessage(token, slackUser, reminder.message().message(), blocks);
                messages.record(new SlackMessages.SentMessage(reminder.id(), reminder.tenant(), reminder.employeeId(),
                        installation.id(), slackUser, posted.channel(), posted.ts()), Instant.now(clock));
                return DeliveryOutcome.DELIVERED;
            } catch (SlackWebApi.SlackCallFailed e) {
                return outcome(e, installation, reminder);
            } catch (RuntimeException e) {
                LOG.warnf("Slack message for reminder %s: %s", reminder.id(), e.toString());
                return DeliveryOutcome.FAILED;
            }
        }, executor);
        return List.of(new Call(installation.id(), outcome));
    }

    @Override
    public void disable(String tenant, UUID targetId) {
        apps.disable(tenant, targetId, "Slack refused the app's token (uninstalled or revoked)");
    }

    @Override
    public Optional<Instant> pausedUntil(UUID targetId) {
        Instant until = throttledUntil.get(targetId);
        return until != null && until.isAfter(Instant.now(clock)) ? Optional.of(until) : Optional.empty();
    }

    private DeliveryOutcome outcome(SlackWebApi.SlackCallFailed e, SlackApps.ActiveInstallation installation, OutgoingReminder reminder) {
        if (e.rateLimited()) {
            Instant until = Instant.now(clock).plus(e.retryAfter().orElse(DEFAULT_BACK_OFF));
            throttledUntil.merge(installation.id(), until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
            return DeliveryOutcome.THROTTLED;
        }
        if (e.tokenGone()) {
            return DeliveryOutcome.GONE;
        }
        if (e.recipientGone()) {
            members.stale(reminder.tenant(), reminder.employeeId(), installation.id());
            return DeliveryOutcome.REJECTED;
        }
        LOG.debugf("Slack %s for reminder %s: %s", e.method(), reminder.id(), e.error());
        return DeliveryOutcome.FAILED;
    }
}
