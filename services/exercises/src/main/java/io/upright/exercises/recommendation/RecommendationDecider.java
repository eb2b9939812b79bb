package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Rules of an employee's recommendations: each assessment is answered once, and the newest assessment
 * decides the current recommendation. A result older than the current one (a late replay) changes nothing.
 */
public class RecommendationDecider implements Decider<RecommendationDecider.Recommend,
        RecommendationDecider.Recommendations, RecommendationEvent> {

    /** Stream id = the employee id: one stream of recommendations per employee. */
    public static final Aggregate<Recommend, Recommendations, RecommendationEvent> RECOMMENDATIONS =
            Aggregate.of("recommendation", RecommendationEvent.class, new RecommendationDecider());

    /** {@code published}: the library at that moment; the recommender picks from its routines. */
    public record Recommend(UUID recommendationId, UUID employeeId, UUID assessmentId, List<String> findingCodes,
                            boolean clinicalReview, Instant assessedAt, Instant at, Catalogue published) {
    }

    public record Recommendations(RecommendationEvent.Recommended current, Set<UUID> assessmentsSeen) {
        public boolean any() {
            return current != null;
        }
    }

    @Override
    public Recommendations initialState() {
        return new Recommendations(null, Set.of());
    }

    @Override
    public List<RecommendationEvent> decide(Recommend command, Recommendations state) {
        if (state.assessmentsSeen().contains(command.assessmentId())) {
            return List.of();
        }
        if (state.any() && command.assessedAt().isBefore(state.current().assessedAt())) {
            return List.of();
        }
        // the last routine recommended lets a repeated finding move the employee forward instead of repeating it
        String previousRoutineId = state.any() ? state.current().routineId() : null;
        Recommendation recommendation = new Recommender(command.published())
                .recommend(command.findingCodes(), command.clinicalReview(), previousRoutineId);
        boolean withheld = recommendation.withheldForClinicalReview();
        return List.of(new RecommendationEvent.Recommended(command.recommendationId(), command.employeeId(),
                command.assessmentId(),
                withheld ? null : recommendation.routine().id(),
                withheld ? null : recommendation.routine().title(),
                withheld ? null : recommendation.routine().durationMinutes(),
                command.findingCodes() == null ? List.of() : List.copyOf(command.findingCodes()),
                withheld, command.assessedAt(), command.at()));
    }

    @Override
    public Recommendations evolve(Recommendations state, RecommendationEvent event) {
        if (event instanceof RecommendationEvent.Recommended recommended) {
            Set<UUID> seen = new HashSet<>(state.assessmentsSeen());
            seen.add(recommended.assessmentId());
            return new Recommendations(recommended, Set.copyOf(seen));
        }
        return state;
    }
}
