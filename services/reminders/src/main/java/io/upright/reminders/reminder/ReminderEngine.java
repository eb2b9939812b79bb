package io.upright.reminders.reminder;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.worker.PollingWorker;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.DeliveryChannel.Call;
import io.upright.reminders.reminder.DeliveryChannel.OutgoingReminder;
import io.upright.reminders.reminder.ReminderDeliveries.Claimed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The due-reminder engine: a daemon thread that claims reminders whose time has come, calls every delivery
 * channel's targets serving the employee in parallel (no database lock held meanwhile), and settles each reminder.
 * Several instances can run side by side: claims use {@code FOR UPDATE SKIP LOCKED}. It stays a polling worker
 * (not a scheduled job) so that a commit can wake it; the side jobs (abandoned claims, team-break planning) are
 * scheduled on their own.
 */
@ApplicationScoped
public class ReminderEngine extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(ReminderEngine.class);

    @Inject
    RemindersConfig config;

    @Inject
    ReminderDeliveries deliveries;

    @Inject
    @Any
    Instance<DeliveryChannel> channelBeans;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    /** Every channel, in call order. */
    private List<DeliveryChannel> channels;
    /** Channel kinds in the order BreakReminderSent prefers them: where the employee can answer first. */
    private List<String> preference;

    /** One call of one reminder by one channel. */
    private record ChannelCall(DeliveryChannel channel, Call call) {
    }

    @PostConstruct
    void init() {
        List<DeliveryChannel> all = new ArrayList<>();
        channelBeans.forEach(all::add);
        all.sort(Comparator.comparingInt(DeliveryChannel::order));
        channels = List.copyOf(all);
        preference = all.stream()
                .sorted(Comparator.comparing((DeliveryChannel c) -> !c.answerable()).thenComparingInt(DeliveryChannel::order))
                .map(DeliveryChannel::kind).toList();
        metrics.register(preference);
    }

    /** The loops beyond this one ({@code engine-threads} - 1), each running {@link #runOnce} on a thread of its own. */
    private final List<Loop> moreLoops = new ArrayList<>();

    /** One more engine loop: the same rounds on another thread, polling and waking like the first. */
    private final class Loop extends PollingWorker {

        @Override
        protected int runOnce() {
            return ReminderEngine.this.runOnce();
        }

        @Override
        protected Duration pollInterval() {
            return ReminderEngine.this.pollInterval();
        }

        @Override
        protected int batchSize() {
            return ReminderEngine.this.batchSize();
        }

        void start(String name) {
            startWorker(name);
        }

        void stop(Duration timeout) {
            stopWorker(timeout);
        }
    }

    void start(@Observes StartupEvent startup) {
        if (!config.engineEnabled()) {
            return;
        }
        startWorker("reminder-engine");
        for (int i = 2; i <= config.engineThreads(); i++) {
            Loop loop = new Loop();
            moreLoops.add(loop);
            loop.start("reminder-engine-" + i);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        moreLoops.forEach(loop -> loop.stop(Duration.ofSeconds(10)));
        stopWorker(Duration.ofSeconds(10));
    }

    @Override
    public void wake() {
        super.wake();
        moreLoops.forEach(Loop::wake);
    }

    @Override
    protected Duration pollInterval() {
        return config.enginePollInterval();
    }

    @Override
    protected int batchSize() {
        return config.engineBatchSize();
    }

    /** @return how many due rows this round settled: claimed for delivery, or expired */
    @Override
    public int runOnce() {
        Instant now = Instant.now(clock);
        ReminderDeliveries.Claims claims = deliveries.claimDue(config.engineBatchSize(), now);
        List<Claimed> claimed = claims.claimed();
        Map<Claimed, List<ChannelCall>> calls = new LinkedHashMap<>();
        DeliveryChannel.Round round = DeliveryChannel.Round.start();
        for (Claimed reminder : claimed) {
            calls.put(reminder, call(reminder, now, round));
        }
        List<ReminderDeliveries.Settlement> settlements = new ArrayList<>(calls.size());
        for (Map.Entry<Claimed, List<ChannelCall>> entry : calls.entrySet()) {
            settlements.add(settlement(entry.getKey(), entry.getValue()));
        }
        settle(settlements);
        // every due row this round took, expired ones too: a full batch means more may be due, so the next round
        // starts at once (counting only those delivered paused the engine a poll interval after every batch with an
        // expired row, and cleared a backlog past its time to live at one batch a second)
        return claims.settled();
    }

    private List<ChannelCall> call(Claimed reminder, Instant now, DeliveryChannel.Round round) {
        // made from the kind alone: what the reminder suggests to the employee stays on its row, for them only
        ReminderMessage message = ReminderMessage.of(reminder.id(), reminder.employeeId(), reminder.slot(), reminder.kind(),
                reminder.dueDate());
        OutgoingReminder outgoing = new OutgoingReminder(reminder.tenant(), reminder.id(), reminder.employeeId(),
                reminder.teamId(), message, now);
        List<ChannelCall> calls = new ArrayList<>();
        for (DeliveryChannel channel : channels) {
            try {
                for (Call call : channel.deliver(outgoing, round)) {
                    calls.add(new ChannelCall(channel, call));
                }
            } catch (RuntimeException e) {
                // a channel that cannot even start counts as one failed call: the reminder is retried, not dropped
                LOG.warnf("Cannot deliver reminder %s by %s: %s", reminder.id(), channel.kind(), e.toString());
                calls.add(new ChannelCall(channel, Call.failed(null)));
            }
        }
        return calls;
    }

    /** Waits for the reminder's calls and says how its round ended; disables a channel whose target is gone. */
    private ReminderDeliveries.Settlement settlement(Claimed reminder, List<ChannelCall> calls) {
        List<DeliveryVerdict.Result> results = new ArrayList<>();
        Instant notBefore = null; // the latest Retry-After (or end of a person's busy time) among held targets
        for (ChannelCall call : calls) {
            DeliveryChannel channel = call.channel();
            DeliveryOutcome outcome = join(call.call().outcome());
            results.add(new DeliveryVerdict.Result(channel.kind(), outcome));
            metrics.called(channel.kind(), outcome);
            if (outcome == DeliveryOutcome.DELIVERED || outcome == DeliveryOutcome.NOT_SERVED) {
                continue;
            }
            if (outcome == DeliveryOutcome.GONE) {
                try {
                    channel.disable(reminder.tenant(), call.call().targetId());
                } catch (RuntimeException e) {
                    LOG.warnf("Cannot disable %s channel %s: %s", channel.kind(), call.call().targetId(), e.toString());
                }
            } else if ((outcome == DeliveryOutcome.THROTTLED || outcome == DeliveryOutcome.POSTPONED) && call.call().targetId() != null) {
                Instant until = channel.pausedUntil(call.call().targetId()).orElse(null);
                if (until != null && (notBefore == null || until.isAfter(notBefore))) {
                    notBefore = until;
                }
            } else {
                LOG.debugf("Reminder %s not accepted by %s %s: %s", reminder.id(), channel.kind(),
                        call.call().targetId(), outcome);
            }
        }
        DeliveryVerdict verdict = DeliveryVerdict.of(results, preference);
        Instant settledAt = Instant.now(clock);
        if (verdict.isDelivered()) {
            metrics.delivered(reminder.slot(), settledAt);
        }
        return new ReminderDeliveries.Settlement(reminder, settledAt, verdict, notBefore);
    }

    private void settle(List<ReminderDeliveries.Settlement> round) {
        if (round.isEmpty()) {
            return;
        }
        try {
            deliveries.settleAll(round);
            return;
        } catch (RuntimeException e) {
            LOG.debugf("Settling a round of %d reminders together failed, settling each alone: %s", round.size(), e.toString());
        }
        for (ReminderDeliveries.Settlement settlement : round) {
            try {
                deliveries.settle(settlement);
            } catch (RuntimeException e) {
                // the row stays 'sending' and is settled as failed once its claim is abandoned: never sent twice
                LOG.warnf("Cannot settle reminder %s: %s", settlement.reminder().id(), e.toString());
            }
        }
    }

    private DeliveryOutcome join(CompletableFuture<DeliveryOutcome> call) {
        try {
            // the HTTP client enforces the timeout (a chat post may first wait up to one timeout for its turn);
            // this bound only guards against a stuck future
            return call.get(config.deliveryTimeout().toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.FAILED;
        } catch (Exception e) {
            return DeliveryOutcome.FAILED;
        }
    }
}
