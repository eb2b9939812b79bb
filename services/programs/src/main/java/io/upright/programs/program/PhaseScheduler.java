package io.upright.programs.program;

import io.quarkus.scheduler.Scheduled;
import io.upright.platform.eventstore.ConcurrencyConflict;
import io.upright.programs.ProgramsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starts program phases on their first day. Each round finds running programs whose next phase is due (read
 * model {@code next_phase_on}) and runs the aggregate's {@code StartDuePhases} command for each; the decider
 * emits a phase only if it has not started, and concurrent schedulers (other instances, or a round that overlaps
 * a late one) collide on the stream version, so every phase starts exactly once.
 */
@ApplicationScoped
public class PhaseScheduler {

    private static final Logger LOG = Logger.getLogger(PhaseScheduler.class);

    @Inject
    ProgramsConfig config;

    @Inject
    Programs programs;

    @Inject
    Clock clock;

    @Scheduled(identity = "program-phase-scheduler", every = "{upright.programs.scheduler-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.schedulerEnabled()) {
            return;
        }
        // a full batch means more programs may be due: go on rather than wait for the next round
        while (round() >= config.schedulerBatchSize()) {
            LOG.debug("A full batch of programs with a due phase; looking again");
        }
    }

    /** One round at the clock's present instant. @return how many programs were looked at */
    public int round() {
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
}
