package io.upright.exercises.session;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.ContentConfig;
import io.upright.exercises.content.ContentLibrary;
import io.upright.exercises.content.ContentVersionRecord;
import io.upright.exercises.content.PublishedContent;
import io.upright.exercises.recommendation.Recommendations;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Application service for logged sessions: event store, read model and outbox in one transaction. */
@ApplicationScoped
public class ExerciseSessions {

    private static final Logger LOG = Logger.getLogger(ExerciseSessions.class);

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    PublishedContent published;

    @Inject
    EventStore eventStore;

    @Inject
    ContentConfig content;

    @Inject
    Clock clock;

    @Inject
    Recommendations recommendations;

    /** How far back a session may be logged: people log yesterday's walk, not last month's. */
    // six weeks: what someone imported with history brings along, or a routine log kept on paper and typed in later
    public static final int BACKDATING_DAYS = 42;

    /**
     * An employee logs a session through the API: it must name published content, how long it took (minutes, or
     * seconds for a micro-break) and how it felt. It happened now, or at {@code completedAt} within the last
     * {@value #BACKDATING_DAYS} days.
     */
    @Transactional
    public ExerciseSessionRecord log(String tenant, UUID employeeId, String routineId, String exerciseId,
                                     Integer minutes, Integer seconds, Integer feltRating, Instant completedAt,
                                     Integer discomfort) {
        Instant now = Instant.now(clock);
        if (completedAt != null && (completedAt.isAfter(now.plusSeconds(60))
                || completedAt.isBefore(now.minus(Duration.ofDays(BACKDATING_DAYS))))) {
            throw Rejection.invalid("completedAt", "must be within the last " + BACKDATING_DAYS + " days and not in the future");
        }
        UUID id = UUID.randomUUID();
        return record(tenant, new SessionDecider.LogSession(id, employeeId, routineId, exerciseId, minutes, seconds,
                feltRating, completedAt == null ? now : completedAt, true, SessionDecider.Known.in(published.current()),
                discomfort));
    }

    /**
     * The employee pressed Done on a reminder that suggested a routine. Logged once per reminder (the session id
     * is derived from the reminder id), without a felt rating. A routine that has since been retired still
     * counts; an id the library never published is skipped.
     *
     * @return the session, or empty when nothing was logged
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ExerciseSessionRecord> logFromReminder(String tenant, BreakTaken taken) {
        if (!"routine".equals(taken.activity()) || taken.routineId() == null || taken.routineId().isBlank()) {
            return Optional.empty();
        }
        UUID id = UUID.nameUUIDFromBytes(("break-taken:" + taken.reminderId()).getBytes(StandardCharsets.UTF_8));
        if (aggregates.read(tenant, SessionDecider.SESSION, id).version() > 0) {
            return Optional.empty();
        }
        String routineId = taken.routineId().strip();
        if (!everPublished(ContentLibrary.ROUTINE, routineId)) {
            LOG.warnf("Break taken with routine %s, which the library never published; no session logged", routineId);
            return Optional.empty();
        }
        int minutes = taken.activeMinutes();
        if (minutes < 1) {
            // the button reported no time: count the routine's own length
            minutes = published.current().routine(routineId).map(Routine::durationMinutes).orElse(1);
        }
        minutes = Math.min(minutes, SessionDecider.MAX_MINUTES);
        Instant at = taken.takenAt() == null ? Instant.now(clock) : taken.takenAt();
        // the routine was checked against everything the library ever published, just above
        SessionDecider.Known known = new SessionDecider.Known(r -> true, e -> false);
        return Optional.of(record(tenant,
                new SessionDecider.LogSession(id, taken.employeeId(), routineId, null, minutes, null, at, false, known)));
    }

    /** Forgets an erased employee: their session streams (found through the read model) and session rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, UUID employeeId) {
        List<UUID> ids = ExerciseSessionRecord.<ExerciseSessionRecord>list("tenantId = ?1 and employeeId = ?2",
                tenant, employeeId).stream().map(r -> r.id).toList();
        eventStore.erase(tenant, SessionDecider.SESSION.streamType(), ids);
        return (int) ExerciseSessionRecord.delete("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }

    private boolean everPublished(String kind, String id) {
        return ContentVersionRecord.count("tenantId = ?1 and kind = ?2 and contentId = ?3 and status in ?4",
                content.libraryTenant(), kind, id, List.of("published", "superseded", "retired")) > 0;
    }

    private ExerciseSessionRecord record(String tenant, SessionDecider.LogSession command) {
        UUID id = command.sessionId();
        UUID employeeId = command.employeeId();
        Decision<SessionDecider.Session, SessionEvent> decision = aggregates.handle(tenant, SessionDecider.SESSION, id,
                command);
        SessionEvent.SessionLogged logged = decision.state().logged();
        ExerciseSessionRecord record = new ExerciseSessionRecord();
        record.tenantId = tenant;
        record.id = id;
        record.employeeId = employeeId;
        record.routineId = logged.routineId();
        record.exerciseId = logged.exerciseId();
        ExerciseSessionCompletedV2 completed = new ExerciseSessionCompletedV2(id, employeeId, logged.routineId(),
                logged.exerciseId(), logged.seconds(), logged.feltRating(), logged.completedAt());
        record.seconds = logged.seconds();
        record.minutes = completed.wholeMinutes();
        record.feltRating = logged.feltRating();
        record.discomfort = logged.discomfort();
        record.completedAt = logged.completedAt();
        record.persistAndFlush();
        outbox.enqueue(tenant, completed);
        // doing the routine is what moves someone up a level (or back, when discomfort rose), not another check
        recommendations.onSessionLogged(tenant, employeeId, logged.routineId());
        return record;
    }

    public ExerciseSessionRecord mine(String tenant, UUID employeeId, UUID id) {
        ExerciseSessionRecord record = ExerciseSessionRecord
                .find("tenantId = ?1 and id = ?2 and employeeId = ?3", tenant, id, employeeId).firstResult();
        if (record == null) {
            throw Rejection.notFound("Exercise session " + id);
        }
        return record;
    }

    /** Newest first; ties broken by id so pages are stable. */
    public List<ExerciseSessionRecord> mine(String tenant, UUID employeeId, int page, int size) {
        return ExerciseSessionRecord.find("tenantId = ?1 and employeeId = ?2",
                        Sort.descending("completedAt").and("id"), tenant, employeeId)
                .page(Page.of(page, size)).list();
    }

    public long countMine(String tenant, UUID employeeId) {
        return ExerciseSessionRecord.count("tenantId = ?1 and employeeId = ?2", tenant, employeeId);
    }
}
