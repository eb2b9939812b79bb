package io.upright.exercises.personaldata;

import io.upright.exercises.recommendation.ExerciseReadiness;
import io.upright.exercises.recommendation.Recommendations;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.platform.api.IdempotentRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Forgets an erased employee: their recommendation stream, their readiness stream (screen answers and technique
 * confirmations), their session streams and rows, and the stored
 * answers to their idempotent POSTs — the same stores {@link ExercisesPersonalData} exports. Events already
 * published stay where they are, so counts other services made from them are unaffected.
 */
@ApplicationScoped
public class ExercisesErasure {

    @Inject
    Recommendations recommendations;

    @Inject
    ExerciseSessions sessions;

    @Inject
    ExerciseReadiness readiness;

    @Inject
    IdempotentRequests idempotency;

    /** Runs in the consumer's transaction, so the erasure and its inbox row commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String tenant, UUID employeeId) {
        recommendations.erase(tenant, employeeId);
        sessions.erase(tenant, employeeId);
        readiness.erase(tenant, employeeId);
        idempotency.forget(tenant, employeeId.toString());
    }
}
