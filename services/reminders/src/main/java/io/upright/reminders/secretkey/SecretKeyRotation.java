package io.upright.reminders.secretkey;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.worker.PollingWorker;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatChannels;
import io.upright.reminders.contact.EmployeeContacts;
import io.upright.reminders.slackapp.SlackApps;
import io.upright.reminders.webhook.WebhookEndpoints;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Seals again under the current secret key everything the service sealed under a key it replaced
 * ({@code UPRIGHT_REMINDERS_PREVIOUS_SECRET_KEYS}): derived keys, webhook signing secrets, Slack and Teams channel
 * URLs, Slack bot tokens (each through its aggregate, so the event store says so too) and shared contacts. It runs in
 * the background while previous keys are configured, from the start and again every 15 minutes (an instance not yet
 * switched can still seal under the old key until the roll ends), and 30 s after a failure. When every instance logs
 * that nothing is left, the previous keys can be removed.
 */
@ApplicationScoped
public class SecretKeyRotation extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(SecretKeyRotation.class);
    private static final int BATCH = 500;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration AGAIN_AFTER = Duration.ofMinutes(15);

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints webhookEndpoints;

    @Inject
    ChatChannels chatChannels;

    @Inject
    SlackApps slackApps;

    @Inject
    EmployeeContacts contacts;

    void start(@Observes StartupEvent started) {
        if (secrets.rotating()) {
            startWorker("secret-key-rotation");
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopWorker(Duration.ofSeconds(5));
    }

    /** One pass; anything sealed again means another pass at once, nothing a pause of {@link #AGAIN_AFTER}. */
    @Override
    protected int runOnce() {
        int resealed = resealOnce();
        if (resealed == 0) {
            LOG.infof("Secret key rotation: nothing of this service is left sealed under a previous secret key. "
                    + "When every instance has said so since the last roll ended, remove "
                    + "UPRIGHT_REMINDERS_PREVIOUS_SECRET_KEYS. Checking again in %d min.", AGAIN_AFTER.toMinutes());
        } else {
            LOG.infof("Secret key rotation: %d values sealed again under the current secret key; checking again now.", resealed);
        }
        return resealed;
    }

    @Override
    protected Duration pollInterval() {
        return AGAIN_AFTER;
    }

    @Override
    protected int batchSize() {
        return 1; // a pass that sealed anything goes again at once
    }

    @Override
    protected Duration retryAfterFailure() {
        return RETRY_AFTER;
    }

    /**
     * One pass over everything sealed; how many values it sealed again. A pass that finds nothing means nothing is
     * left under a previous key (until an instance not yet switched seals something new).
     */
    public int resealOnce() {
        int resealed = secrets.resealDerivedKeys();
        for (Map.Entry<String, UUID> endpoint : webhookEndpoints.allIds()) {
            resealed += reseal(endpoint, webhookEndpoints::resealIfNeeded);
        }
        for (ChatChannelKind kind : ChatChannelKind.values()) {
            for (Map.Entry<String, UUID> channel : chatChannels.allIds(kind)) {
                resealed += reseal(channel, (tenant, id) -> chatChannels.resealIfNeeded(kind, tenant, id));
            }
        }
        for (SlackApps.ActiveInstallation installation : slackApps.allActive()) {
            resealed += reseal(Map.entry(installation.tenant(), installation.id()), slackApps::resealIfNeeded);
        }
        EmployeeContacts.ResealBatch batch = contacts.resealAfter(null, BATCH);
        resealed += batch.resealed();
        while (batch.last() != null) {
            batch = contacts.resealAfter(batch.last(), BATCH);
            resealed += batch.resealed();
        }
        return resealed;
    }

    private static int reseal(Map.Entry<String, UUID> what, BiPredicate<String, UUID> resealIfNeeded) {
        return resealIfNeeded.test(what.getKey(), what.getValue()) ? 1 : 0;
    }
}
