package io.upright.reminders.teambreak;

import io.quarkus.scheduler.Scheduled;
import io.upright.reminders.RemindersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Keeps every team's breaks queued a day ahead. Several instances may plan at once: dedupe keys make it harmless. */
@ApplicationScoped
public class TeamBreakPlanning {

    private static final Logger LOG = Logger.getLogger(TeamBreakPlanning.class);

    @Inject
    TeamBreaks teamBreaks;

    @Inject
    RemindersConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "team-break-planning", every = "{upright.reminders.team-break-planning-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        if (!config.engineEnabled()) {
            return; // planning goes with the engine: an instance that sends nothing queues nothing either
        }
        try {
            teamBreaks.planAll(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot plan team breaks: %s", e.toString());
        }
    }
}
