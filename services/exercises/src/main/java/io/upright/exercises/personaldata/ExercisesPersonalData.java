package io.upright.exercises.personaldata;

import io.upright.exercises.recommendation.AssessmentResults;
import io.upright.exercises.recommendation.ExerciseReadiness;
import io.upright.exercises.recommendation.RecommendationEvent;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.personaldata.PersonalDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * This service's part of an employee's data export: every recommendation they were given, the latest assessment
 * result of each method kept to combine them, every session logged, and their readiness screen answers and
 * confirmed release techniques.
 */
@ApplicationScoped
public class ExercisesPersonalData implements PersonalDataPart {

    private static final int ALL = 100_000;

    @Inject
    EventStore eventStore;

    @Inject
    ExerciseSessions sessions;

    @Inject
    AssessmentResults results;

    @Inject
    ExerciseReadiness readiness;

    @Override
    public String service() {
        return "exercises";
    }

    @Override
    public Map<String, Object> export(String tenant, UUID employeeId) {
        // the recommendation stream's id is the employee id
        List<RecommendationEvent> recommendations = eventStore.load(tenant, employeeId, RecommendationEvent.class).events();
        List<Map<String, Object>> logged = sessions.mine(tenant, employeeId, 0, ALL).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.id);
            session.put("routineId", s.routineId);
            session.put("exerciseId", s.exerciseId);
            session.put("minutes", s.minutes);
            session.put("seconds", s.seconds);
            session.put("feltRating", s.feltRating);
            session.put("completedAt", s.completedAt);
            session.put("discomfort", s.discomfort);
            return session;
        }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recommendations", recommendations);
        data.put("sessions", logged);
        // the latest result of each assessment method kept for combining them (findings, precautions, review flag)
        data.put("assessmentResults", results.latest(tenant, employeeId));
        // readiness screen answers (health questions) and confirmed release techniques, as recorded
        data.put("readiness", readiness.history(tenant, employeeId));
        return data;
    }

    /** Health data, for the employee's own export only: the routines recommended from their findings (or withheld for review), and which routine they did and how it felt. */
    @Override
    public Set<String> healthFields() {
        return Set.of("recommendations", "routineId", "exerciseId", "feltRating", "discomfort", "assessmentResults",
                "readiness");
    }
}
