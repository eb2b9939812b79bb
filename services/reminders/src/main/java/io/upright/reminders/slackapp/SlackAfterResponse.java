package io.upright.reminders.slackapp;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Work done for Slack after its request was answered (Slack counts its three seconds until our 200): redrawing a
 * Home tab, updating a message, answering on a {@code response_url}, opening a modal, reading the directory.
 *
 * <p>Each task runs in a request context of its own. The default managed executor would hand it the HTTP request's
 * context instead, which ends with the response: a task that starts after that reads through a closed context and
 * its work is lost (a Home tab left showing the state before a pause, on a slow machine).
 */
@ApplicationScoped
public class SlackAfterResponse {

    private static final Logger LOG = Logger.getLogger(SlackAfterResponse.class);

    private final ManagedExecutor executor = ManagedExecutor.builder()
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    public CompletableFuture<Void> run(Runnable task) {
        return executor.runAsync(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("Slack work after a response failed: %s", e.toString());
            } finally {
                requestContext.terminate();
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
