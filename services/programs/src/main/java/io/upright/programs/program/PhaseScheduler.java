package io.upright.programs.program;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.eventstore.ConcurrencyConflict;
import io.upright.platform.worker.PollingWorker;
import io.upright.programs.ProgramsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Starts program phases on their first day. Each round finds running programs whose next phase is due (read
 * model {@code next_phase_on}) and runs the aggregate's {@code StartDuePhases} command for each; the decider
 * emits a phase only if it has not started, and concurrent schedulers collide on the stream version, so every
 * phase starts exactly once. {@link #tick(Instant)} runs one round at a given instant, which is how tests move time.
 */
@ApplicationScoped
public class PhaseScheduler extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(PhaseScheduler.class);

    @Inject
    ProgramsConfig config;

    @Inject
    Programs programs;

    private final Clock clock = Clock.systemUTC();

    void start(@Observes StartupEvent startup) {
        if (config.schedulerEnabled()) {
            startWorker("program-phase-scheduler");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker(Duration.ofSeconds(10));
    }

    @Override
    protected int runOnce() {
        return tick(clock.instant());
    }

    /**
     * One round as if it were {@code now}. @return how many programs were looked at (a full batch means there
     * may be more)
     */
    public int tick(Instant now) {
        List<ProgramRecord> due = programs.withPhaseDue(programs.today(now), config.schedulerBatchSize());
        int started = 0;
        for (ProgramRecord program : due) {
            try {
                started += programs.startDuePhases(program.tenantId, program.id, now);
            } catch (ConcurrencyConflict e) {
                LOG.debugf("Program %s changed meanwhile; its due phases are retried next round", program.id);
            } catch (RuntimeException e) {
                // one broken program must not hold up the phases of the others
                LOG.warnf("Cannot start the due phases of program %s: %s", program.id, e.toString());
            }
        }
        if (started > 0) {
            LOG.infof("Started %d program phase(s)", started);
        }
        return due.size();
    }

    @Override
    protected Duration pollInterval() {
        return config.schedulerPollInterval();
    }

    @Override
    protected int batchSize() {
        return config.schedulerBatchSize();
    }
}
