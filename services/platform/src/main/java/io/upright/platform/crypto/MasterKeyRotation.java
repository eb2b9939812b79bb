package io.upright.platform.crypto;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.worker.PollingWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Moves every stored key to the current master key while previous ones are configured: the service's own data keys
 * and lookup-hash key, and the shared vault's per-employee keys (every service moves those; each row moves once,
 * whoever gets there first). It runs in the background from the start and again every 15 minutes, so the service
 * serves meanwhile (a key is also moved by its first reader), and tries again 30 s after a failure (a database away).
 * When every service logs that nothing is left under a previous key, the previous keys can be removed.
 */
@ApplicationScoped
public class MasterKeyRotation extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);
    private static final int BATCH = 500;
    /**
     * While previous keys are configured, a pass runs again this often: an instance not yet switched can still wrap a
     * new key under the old master key until the roll ends.
     */
    private static final Duration AGAIN_AFTER = Duration.ofMinutes(15);

    @Inject
    CryptoConfig config;

    @Inject
    PersonalData personalData;

    @Inject
    TopicKeys topicKeys;

    private volatile boolean done;

    void start(@Observes StartupEvent started) {
        if (!config.masterKeys(LaunchMode.current().isDevOrTest()).rotating()) {
            done = true;
            return;
        }
        startWorker("master-key-rotation");
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopWorker(Duration.ofSeconds(5));
    }

    /** Whether the last pass found nothing left to move (true when no master key was replaced). */
    public boolean done() {
        return done;
    }

    /** One pass; anything moved means another pass at once, nothing moved a pause of {@link #AGAIN_AFTER}. */
    @Override
    protected int runOnce() {
        int data = personalData.rewrapAll(BATCH);
        int vault = topicKeys.rewrapAll(BATCH);
        done = data == 0 && vault == 0;
        if (done) {
            LOG.infof("Master key rotation: none of this service's keys nor of the shared vault's is left under a "
                    + "previous master key. When every service has said so since the last roll ended, remove "
                    + "UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS. Checking again in %d min.", AGAIN_AFTER.toMinutes());
        } else {
            LOG.infof("Master key rotation: %d data keys of this service and %d keys of the shared vault moved to "
                    + "the current master key; checking again now.", data, vault);
        }
        return data + vault;
    }

    @Override
    protected Duration pollInterval() {
        return AGAIN_AFTER;
    }

    @Override
    protected int batchSize() {
        return 1; // a pass that moved anything goes again at once
    }

    @Override
    protected Duration retryAfterFailure() {
        return Duration.ofSeconds(30);
    }
}
