package io.upright.exercises.session;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for logged sessions: event store, read model and outbox in one transaction. */
@ApplicationScoped
public class ExerciseSessions {

    static final String STREAM_TYPE = "exercise-session";

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    Catalogue catalogue;

    private SessionDecider decider;

    @PostConstruct
    void init() {
        decider = new SessionDecider(catalogue);
    }

    @Transactional
    public ExerciseSessionRecord log(String tenant, UUID employeeId, String routineId, String exerciseId,
                                     Integer minutes, Integer feltRating) {
        UUID id = UUID.randomUUID();
        Decision<SessionDecider.Session, SessionEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                SessionEvent.class, decider,
                new SessionDecider.LogSession(id, employeeId, routineId, exerciseId, minutes, feltRating, Instant.now()),
                OptionalLong.empty());
        SessionEvent.SessionLogged logged = decision.state().logged();
        ExerciseSessionRecord record = new ExerciseSessionRecord();
        record.tenantId = tenant;
        record.id = id;
        record.employeeId = employeeId;
        record.routineId = logged.routineId();
        record.exerciseId = logged.exerciseId();
        record.minutes = logged.minutes();
        record.feltRating = logged.feltRating();
        record.completedAt = logged.completedAt();
        record.persistAndFlush();
        outbox.enqueue(tenant, new ExerciseSessionCompleted(id, employeeId, logged.routineId(), logged.exerciseId(),
                logged.minutes(), logged.feltRating(), logged.completedAt()));
        return record;
    }

    public ExerciseSessionRecord mine(String tenant, UUID employeeId, UUID id) {
        ExerciseSessionRecord record = ExerciseSessionRecord
                .find("tenantId = ?1 and id = ?2 and employeeId = ?3", tenant, id, employeeId).firstResult();
        if (record == null) {
            throw ProblemException.notFound("Exercise session " + id);
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
