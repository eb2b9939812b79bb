package io.upright.platform.worker;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background loop on a daemon thread of its own: do one round of work, and when the round was not full,
 * sleep for the poll interval unless {@link #wake()} is called first. A failed round is logged and retried
 * after {@link #retryAfterFailure()}, so a database or broker outage never kills the loop. Used by the outbox relay,
 * the due-reminder engine and the key rotations.
 */
public abstract class PollingWorker {

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** One round of work. @return how many items it handled; a full batch goes again without sleeping */
    protected abstract int runOnce() throws Exception;

    protected abstract Duration pollInterval();

    protected abstract int batchSize();

    /** How long to wait after a failed round before the next; twice the poll interval unless a worker says otherwise. */
    protected Duration retryAfterFailure() {
        return pollInterval().multipliedBy(2);
    }

    protected synchronized void startWorker(String name) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the loop after its current round, waiting at most {@code timeout} for it. */
    protected void stopWorker(Duration timeout) {
        running = false;
        wakeUp.release();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the loop is running (false before start and once stopping). */
    protected boolean isRunning() {
        return running;
    }

    /** Starts the next round now instead of after the poll interval. */
    public void wake() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                if (runOnce() < batchSize()) {
                    pause(pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s round failed, will retry: %s", Thread.currentThread().getName(), e.toString());
                try {
                    pause(retryAfterFailure());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits(); // several wake-ups while busy mean one more round, not many
    }
}
