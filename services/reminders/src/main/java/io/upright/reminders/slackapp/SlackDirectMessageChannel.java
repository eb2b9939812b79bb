package io.upright.reminders.slackapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
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
 * <p>Before a message goes out, Slack is asked whether the person is in Do Not Disturb (or has paused
 * notifications) or in a huddle: then the reminder waits until that ends, within its time to live; past that it
 * expires (recorded as expired, not dropped). Other channels of the tenant are not held back.
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
    /** When a reminder that found no lookup slot free tries again. */
    private static final Duration LOOKUP_AGAIN = Duration.ofSeconds(30);
    /** How long a tenant's installation, as read, serves its reminders. */
    private static final Duration INSTALLATION_FRESH = Duration.ofSeconds(5);

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

    @Inject
    SlackBusy busyState;


    /** Per installation: no call before this instant (Slack's Retry-After, whichever method asked for it). */
    private final ConcurrentHashMap<UUID, Instant> throttledUntil = new ConcurrentHashMap<>();
    /** Per person's target: held (Do Not Disturb, a huddle, no lookup slot yet) until this instant. */
    private final ConcurrentHashMap<UUID, Instant> busyUntil = new ConcurrentHashMap<>();
    /** Which installation each held person's target belongs to (to disable it when Slack refuses its token). */
    private final ConcurrentHashMap<UUID, UUID> installations = new ConcurrentHashMap<>();
    /** Per tenant: its active installation (or none) and when it was read. */
    private final ConcurrentHashMap<String, Installed> installed = new ConcurrentHashMap<>();

    private record Installed(SlackApps.ActiveInstallation installation, String token, Instant readAt) {
    }

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
        Installed installed;
        try {
            installed = installation(reminder.tenant());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the Slack installation of tenant %s: %s", reminder.tenant(), e.toString());
            return List.of(Call.failed(UNKNOWN));
        }
        if (installed == null) {
            return List.of();
        }
        SlackApps.ActiveInstallation installation = installed.installation();
        String token = installed.token();
        // one target per person: a workspace-wide 429 holds them all, a person's busy time holds only them
        UUID target = UUID.nameUUIDFromBytes((installation.id() + ":" + reminder.employeeId()).getBytes(StandardCharsets.UTF_8));
        Instant throttled = throttledUntil.get(installation.id());
        if (throttled != null && throttled.isAfter(Instant.now(clock))) {
            // Slack asked this workspace to wait; whether the person is busy is asked afresh on each try
            return List.of(new Call(target, CompletableFuture.completedFuture(held(target, installation.id(), DeliveryOutcome.THROTTLED))));
        }
        String blocks;
        try {
            blocks = json.writeValueAsString(SlackBlocks.of(reminder.message()).get("blocks"));
        } catch (JsonProcessingException e) {
            return List.of(Call.failed(target));
        }
        // everything that reads the database or calls Slack runs off the engine's thread, so a round's reminders
        // are looked up, checked and sent side by side rather than one after another
        CompletableFuture<DeliveryOutcome> outcome = CompletableFuture.supplyAsync(
                () -> held(target, installation.id(), send(reminder, installation, token, target, blocks)), executor);
        return List.of(new Call(target, outcome));
    }

    /**
     * Remembers a target only while its reminder is held (throttled, busy, failed, or its token refused): the engine
     * asks {@link #pausedUntil} or {@link #disable} about it next. Once the person is served, nothing of them is kept,
     * so these maps hold the backlog, not everyone ever messaged.
     */
    private DeliveryOutcome held(UUID target, UUID installationId, DeliveryOutcome outcome) {
        if (outcome == DeliveryOutcome.DELIVERED || outcome == DeliveryOutcome.NOT_SERVED || outcome == DeliveryOutcome.REJECTED) {
            installations.remove(target);
            busyUntil.remove(target);
        } else {
            installations.put(target, installationId);
        }
        return outcome;
    }

    /** The person's direct message: their Slack user, whether they are busy, the message, and where it went. */
    private DeliveryOutcome send(OutgoingReminder reminder, SlackApps.ActiveInstallation installation, String token, UUID target,
                                 String blocks) {
        Optional<String> user;
        try {
            // looked up once, on the first delivery; later ones read it from the table
            user = members.slackUser(installation, token, reminder.employeeId());
        } catch (SlackWebApi.SlackCallFailed e) {
            if (e.paced()) {
                // no lookup slot free now: this person's reminder tries again shortly, the others go on meanwhile
                busyUntil.put(target, Instant.now(clock).plus(LOOKUP_AGAIN));
                return DeliveryOutcome.THROTTLED;
            }
            return outcome(e, installation, reminder);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot find employee %s in Slack: %s", reminder.employeeId(), e.toString());
            return DeliveryOutcome.FAILED;
        }
        if (user.isEmpty()) {
            // no Slack user: the tenant's other channels serve this person
            return DeliveryOutcome.NOT_SERVED;
        }
        String slackUser = user.get();
        try {
            // never waits for a Do Not Disturb check: what events told us counts, and a check is asked only with a
            // slot free right now
            Optional<Instant> busy = busyState.busyUntil(installation, token, slackUser, Duration.ZERO);
            if (busy.isPresent()) {
                busyUntil.put(target, busy.get());
                return DeliveryOutcome.POSTPONED;
            }
            SlackWebApi.Posted posted = slack.postMessage(installation.id(), token, slackUser, reminder.message().message(), blocks);
            messages.record(new SlackMessages.SentMessage(reminder.id(), reminder.tenant(), reminder.employeeId(),
                    installation.id(), slackUser, posted.channel(), posted.ts()), Instant.now(clock));
            return DeliveryOutcome.DELIVERED;
        } catch (SlackWebApi.SlackCallFailed e) {
            return outcome(e, installation, reminder);
        } catch (RuntimeException e) {
            LOG.warnf("Slack message for reminder %s: %s", reminder.id(), e.toString());
            return DeliveryOutcome.FAILED;
        }
    }

    /**
     * The tenant's active installation and its opened token, read at most every few seconds: a burst would otherwise
     * read the same row for every reminder. An installation disabled elsewhere is noticed within that time, or by
     * Slack refusing its token.
     */
    private Installed installation(String tenant) {
        Instant now = Instant.now(clock);
        Installed cached = installed.get(tenant);
        if (cached != null && cached.readAt().plus(INSTALLATION_FRESH).isAfter(now) && !cached.readAt().isAfter(now)) {
            return cached.installation() == null ? null : cached;
        }
        Optional<SlackApps.ActiveInstallation> active = apps.activeInstallation(tenant);
        Installed read = active.map(a -> new Installed(a, apps.botToken(a), now)).orElse(new Installed(null, null, now));
        installed.put(tenant, read);
        return read.installation() == null ? null : read;
    }

    @Override
    public void disable(String tenant, UUID targetId) {
        UUID installation = installations.remove(targetId);
        if (installation != null) {
            installed.remove(tenant);
            apps.disable(tenant, installation, "Slack refused the app's token (uninstalled or revoked)");
        }
    }

    @Override
    public Optional<Instant> pausedUntil(UUID targetId) {
        Instant now = Instant.now(clock);
        Instant until = null;
        UUID installation = installations.get(targetId);
        Instant throttled = installation == null ? null : throttledUntil.get(installation);
        if (throttled != null && throttled.isAfter(now)) {
            until = throttled;
        }
        Instant busy = busyUntil.get(targetId);
        if (busy != null && busy.isAfter(now) && (until == null || busy.isAfter(until))) {
            until = busy;
        }
        return Optional.ofNullable(until);
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
