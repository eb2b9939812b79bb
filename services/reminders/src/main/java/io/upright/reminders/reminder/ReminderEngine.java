package io.upright.reminders.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.worker.PollingWorker;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatChannels;
import io.upright.reminders.chat.ChatDelivery;
import io.upright.reminders.chat.ChatTarget;
import io.upright.reminders.reminder.ReminderDeliveries.Claimed;
import io.upright.reminders.slack.SlackBlocks;
import io.upright.reminders.teams.AnswerLinkService;
import io.upright.reminders.teams.TeamsCard;
import io.upright.reminders.webhook.WebhookDelivery;
import io.upright.reminders.webhook.WebhookDelivery.Outcome;
import io.upright.reminders.webhook.WebhookDelivery.Target;
import io.upright.reminders.webhook.WebhookEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The due-reminder engine: a daemon thread that claims reminders whose time has come, calls every active
 * webhook of the employee's tenant and every chat channel (Slack, Teams) serving the employee in parallel (no
 * database lock held meanwhile), and settles each reminder.
 * Several instances can run side by side: claims use {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ReminderEngine extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(ReminderEngine.class);
    private static final Duration ABANDONED_CHECK_AT_MOST_EVERY = Duration.ofSeconds(30);

    private volatile Instant lastAbandonedCheck = Instant.EPOCH;
    private volatile Instant lastTeamBreakPlan = Instant.EPOCH;
    /** Team breaks are queued a day ahead; planning every few minutes keeps that horizon filled. */
    private static final Duration TEAM_BREAK_PLANNING_EVERY = Duration.ofMinutes(5);

    @Inject
    io.upright.reminders.teambreak.TeamBreaks teamBreaks;

    @Inject
    RemindersConfig config;

    @Inject
    ReminderDeliveries deliveries;

    @Inject
    WebhookDelivery webhooks;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    ChatDelivery chat;

    @Inject
    ChatChannels chatChannels;

    @Inject
    ObjectMapper json;

    @Inject
    AnswerLinkService answerLinks;

    /**
     * One call of one reminder: to a webhook endpoint ({@code chatKind} null) or a Slack or Teams channel;
     * {@code channel} is the delivery channel's name.
     */
    private record Call(String channel, ChatChannelKind chatKind, UUID targetId, CompletableFuture<Outcome> outcome) {
    }

    /** Where the employee can answer comes first in BreakReminderSent.channel: slack, then teams, then webhook. */
    private static final List<String> CHANNEL_PREFERENCE = List.of(ChatChannelKind.SLACK.channel(),
            ChatChannelKind.TEAMS.channel(), ReminderDeliveries.CHANNEL);

    void start(@Observes StartupEvent startup) {
        if (!config.engineEnabled()) {
            return;
        }
        startWorker("reminder-engine");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker(Duration.ofSeconds(10));
    }

    @Override
    protected Duration pollInterval() {
        return config.enginePollInterval();
    }

    @Override
    protected int batchSize() {
        return config.engineBatchSize();
    }

    // rounds driven by hand (engine disabled, as in tests) keep paging too; a stopping engine does not
    private boolean running() {
        return isRunning() || !config.engineEnabled();
    }

    /** @return how many reminders this round claimed for delivery */
    @Override
    public int runOnce() {
        Instant now = Instant.now();
        Duration lease = claimLease();
        // look for abandoned claims at least twice per lease, so one is settled at most 1.5 leases after its claim
        Duration checkEvery = lease.dividedBy(2).compareTo(ABANDONED_CHECK_AT_MOST_EVERY) < 0
                ? lease.dividedBy(2) : ABANDONED_CHECK_AT_MOST_EVERY;
        if (Duration.between(lastAbandonedCheck, now).compareTo(checkEvery) >= 0) {
            lastAbandonedCheck = now;
            int settled = 0;
            int page;
            // a dead instance may have left more than one page of claims (several batches, several instances)
            do {
                page = deliveries.failAbandoned(now.minus(lease), now);
                settled += page;
            } while (page == ReminderDeliveries.ABANDONED_PAGE && running());
            if (settled > 0) {
                LOG.warnf("Recorded %d reminders abandoned mid-delivery as failed", settled);
            }
        }
        if (Duration.between(lastTeamBreakPlan, now).compareTo(TEAM_BREAK_PLANNING_EVERY) >= 0) {
            lastTeamBreakPlan = now;
            try {
                teamBreaks.planAll(now);
            } catch (RuntimeException e) {
                LOG.warnf("Cannot plan team breaks: %s", e.toString());
            }
        }
        List<Claimed> claimed = deliveries.claimDue(config.engineBatchSize(), now);
        Map<Claimed, List<Call>> calls = new LinkedHashMap<>();
        for (Claimed reminder : claimed) {
            calls.put(reminder, call(reminder));
        }
        for (Map.Entry<Claimed, List<Call>> entry : calls.entrySet()) {
            settle(entry.getKey(), entry.getValue());
        }
        return claimed.size();
    }

    private List<Call> call(Claimed reminder) {
        List<Call> calls = new ArrayList<>();
        ReminderMessage message = ReminderMessage.of(reminder.id(), reminder.employeeId(), reminder.slot(), reminder.suggestion(),
                reminder.kind(), reminder.dueDate());
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reminder body", e);
        }
        for (Target target : reminder.targets()) {
            calls.add(new Call(ReminderDeliveries.CHANNEL, null, target.endpointId(),
                    attempt(() -> webhooks.send(target, reminder.id(), body))));
        }
        // one message per kind and reminder, written only when a channel of that kind serves the employee
        Map<ChatChannelKind, String> chatBodies = new EnumMap<>(ChatChannelKind.class);
        for (ChatTarget target : reminder.chatTargets()) {
            String chatBody = chatBodies.computeIfAbsent(target.kind(), kind -> chatBody(kind, message, reminder));
            calls.add(new Call(target.kind().channel(), target.kind(), target.channelId(),
                    attempt(() -> chat.send(target, chatBody))));
        }
        return calls;
    }

    /** The kind's own message format: Slack Block Kit with buttons, or a Teams Adaptive Card with signed answer links. */
    private String chatBody(ChatChannelKind kind, ReminderMessage message, Claimed reminder) {
        try {
            if (kind == ChatChannelKind.SLACK) {
                return json.writeValueAsString(SlackBlocks.of(message, reminder.suggestion()));
            }
            BreakSuggestion s = reminder.suggestion() == null ? BreakSuggestion.general() : reminder.suggestion();
            return json.writeValueAsString(TeamsCard.of(message, s,
                    answerLinks.forReminder(reminder.id(), s.doneActivity(), s.doneMinutes(), Instant.now())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + kind.displayName() + " message", e);
        }
    }

    private static CompletableFuture<Outcome> attempt(java.util.function.Supplier<CompletableFuture<Outcome>> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }
    }

    private void settle(Claimed reminder, List<Call> calls) {
        List<DeliveryVerdict.Result> results = new ArrayList<>();
        Instant notBefore = null; // the latest Retry-After among throttled webhooks: no retry before it
        for (Call call : calls) {
            Outcome outcome = join(call.outcome());
            results.add(new DeliveryVerdict.Result(call.channel(), outcome));
            if (outcome == Outcome.DELIVERED) {
                continue;
            }
            if (outcome == Outcome.GONE) {
                try {
                    if (call.chatKind() != null) {
                        chatChannels.disable(call.chatKind(), reminder.tenant(), call.targetId(), call.chatKind().goneReason());
                    } else {
                        endpoints.disable(reminder.tenant(), call.targetId(), "receiver answered 410 Gone");
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Cannot disable %s %s: %s", call.channel() + " channel", call.targetId(), e.toString());
                }
            } else if (outcome == Outcome.THROTTLED && ReminderDeliveries.CHANNEL.equals(call.channel())) {
                Instant until = webhooks.pausedUntil(call.targetId()).orElse(null);
                if (until != null && (notBefore == null || until.isAfter(notBefore))) {
                    notBefore = until;
                }
            } else {
                LOG.debugf("Reminder %s not accepted by %s %s: %s", reminder.id(), call.channel(),
                        call.targetId(), outcome);
            }
        }
        DeliveryVerdict verdict = DeliveryVerdict.of(results, CHANNEL_PREFERENCE);
        try {
            if (verdict.isDelivered()) {
                // the contract has one channel per reminder: a chat channel, where the employee can answer, wins
                deliveries.delivered(reminder, Instant.now(), verdict.delivered());
            } else {
                deliveries.notDelivered(reminder, Instant.now(), notBefore, verdict);
            }
        } catch (RuntimeException e) {
            // the row stays 'sending' and is settled as failed once its claim is abandoned: never sent twice
            LOG.warnf("Cannot settle reminder %s: %s", reminder.id(), e.toString());
        }
    }

    private Outcome join(CompletableFuture<Outcome> call) {
        try {
            // the HTTP client enforces the timeout (a chat post may first wait up to one timeout for its turn);
            // this bound only guards against a stuck future
            return call.get(config.deliveryTimeout().toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        } catch (Exception e) {
            return Outcome.FAILED;
        }
    }

    /** How long a claim may stay 'sending' before the engine that took it counts as dead. */
    private Duration claimLease() {
        if (config.engineClaimLease().isPresent()) {
            return config.engineClaimLease().get();
        }
        Duration tenCalls = config.deliveryTimeout().multipliedBy(10);
        return tenCalls.compareTo(Duration.ofMinutes(1)) > 0 ? tenCalls : Duration.ofMinutes(1);
    }
}
