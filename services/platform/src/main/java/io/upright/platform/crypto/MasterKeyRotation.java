package io.upright.platform.crypto;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Moves every stored key to the current master key while previous ones are configured: the service's own data keys
 * and lookup-hash key, and the shared vault's per-employee keys (every service moves those; each row moves once,
 * whoever gets there first). It runs in the background from the start and again every 15 minutes, so the service
 * serves meanwhile (a key is also moved by its first reader), and tries again after a failure (a database away). When
 * every service logs that nothing is left under a previous key, the previous keys can be removed.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);
    private static final int BATCH = 500;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
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

    private volatile Thread worker;
    private volatile boolean done;

    void start(@Observes StartupEvent started) {
        if (!config.masterKeys(LaunchMode.current().isDevOrTest()).rotating()) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::moveAll, "master-key-rotation");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the last pass found nothing left to move (true when no master key was replaced). */
    public boolean done() {
        return done;
    }

    private void moveAll() {
        while (!Thread.currentThread().isInterrupted()) {
            Duration pause;
            try {
                int data = personalData.rewrapAll(BATCH);
                int vault = topicKeys.rewrapAll(BATCH);
                done = data == 0 && vault == 0;
                if (done) {
                    LOG.infof("Master key rotation: none of this service's keys nor of the shared vault's is left under a "
                            + "previous master key. When every service has said so since the last roll ended, remove "
                            + "UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS. Checking again in %d min.", AGAIN_AFTER.toMinutes());
                    pause = AGAIN_AFTER;
                } else {
                    LOG.infof("Master key rotation: %d data keys of this service and %d keys of the shared vault moved to "
                            + "the current master key; checking again now.", data, vault);
                    pause = Duration.ZERO;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Master key rotation paused, trying again in %d s: %s", RETRY_AFTER.toSeconds(), e.toString());
                pause = RETRY_AFTER;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }
}
