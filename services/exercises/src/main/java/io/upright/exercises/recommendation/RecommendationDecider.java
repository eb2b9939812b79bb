package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules of an employee's recommendations: each assessment is answered once; a result older than the current
 * one <em>of the same method</em> (a late replay) changes nothing, while a result of another method is combined
 * with it rather than replacing it (the caller passes the combined {@link Evidence}). A clinician's clearance
 * lifts a clinical-review pause once: it recommends again from the stored findings, and a clearance seen
 * before, or one that finds nothing paused, changes nothing.
 */
public class RecommendationDecider implements Decider<RecommendationDecider.Command,
        RecommendationDecider.Recommendations, RecommendationEvent> {

    /** Stream id = the employee id: one stream of recommendations per employee. */
    public static final Aggregate<Command, Recommendations, RecommendationEvent> RECOMMENDATIONS =
            Aggregate.of("recommendation", RecommendationEvent.class, new RecommendationDecider());

    /** Method name for events written before the method was recorded (there was only one then). */
    static final String LEGACY_METHOD = "WORKSTATION_BASICS";

    public sealed interface Command {
        UUID recommendationId();

        UUID employeeId();

        Evidence evidence();

        Instant at();

        Catalogue published();
    }

    /**
     * An assessment result arrived. {@code evidence}: every method's latest result combined, this one included;
     * {@code published}: the library at that moment, which the recommender picks from.
     */
    public record Recommend(UUID recommendationId, UUID employeeId, UUID assessmentId, String method,
                            Evidence evidence, Instant assessedAt, Instant at, Catalogue published,
                            ProgressionPolicy.Step step) implements Command {

        /**
         * One method's result on its own, with tolerance shown (how every recommendation was made before methods
         * were combined and sessions counted).
         */
        public Recommend(UUID recommendationId, UUID employeeId, UUID assessmentId, List<String> findingCodes,
                         boolean clinicalReview, Instant assessedAt, Instant at, Catalogue published) {
            this(recommendationId, employeeId, assessmentId, LEGACY_METHOD,
                    new Evidence(findingCodes, List.of(), clinicalReview), assessedAt, at, published,
                    ProgressionPolicy.Step.ADVANCE);
        }
    }

    /** A clinician cleared the employee; {@code evidence} is the stored findings with that pause lifted. */
    public record LiftPause(UUID recommendationId, UUID employeeId, UUID clearanceId, UUID assessmentId,
                            Evidence evidence, Instant at, Catalogue published) implements Command {
    }

    /**
     * A session of the current routine was logged and the person's tolerance says move up or step back
     * ({@code step}); {@code evidence} is the stored findings. Nothing happens when the routine would not change.
     */
    public record Reconsider(UUID recommendationId, UUID employeeId, Evidence evidence, ProgressionPolicy.Step step,
                             Instant at, Catalogue published) implements Command {
    }

    public record Recommendations(RecommendationEvent.Recommended current, Set<UUID> assessmentsSeen,
                                  Set<UUID> clearancesSeen, Map<String, Instant> latestByMethod) {
        public boolean any() {
            return current != null;
        }
    }

    @Override
    public Recommendations initialState() {
        return new Recommendations(null, Set.of(), Set.of(), Map.of());
    }

    @Override
    public List<RecommendationEvent> decide(Command command, Recommendations state) {
        if (command instanceof Recommend recommend) {
            return decide(recommend, state);
        }
        if (command instanceof Reconsider reconsider) {
            return decide(reconsider, state);
        }
        return decide((LiftPause) command, state);
    }

    private List<RecommendationEvent> decide(Recommend command, Recommendations state) {
        if (state.assessmentsSeen().contains(command.assessmentId())) {
            return List.of();
        }
        Instant latestOfMethod = state.latestByMethod().get(command.method());
        if (latestOfMethod != null && command.assessedAt().isBefore(latestOfMethod)) {
            return List.of();
        }
        return List.of(recommended(command, state, command.assessmentId(), command.method(), null, command.assessedAt()));
    }

    private List<RecommendationEvent> decide(LiftPause command, Recommendations state) {
        if (state.clearancesSeen().contains(command.clearanceId()) || !state.any()
                || !state.current().withheldForClinicalReview() || command.evidence().clinicalReview()) {
            // nothing paused, already lifted, or another method's flag still asks for a clinician
            return List.of();
        }
        return List.of(recommended(command, state, command.assessmentId(), state.current().method(),
                command.clearanceId(), state.current().assessedAt()));
    }

    private List<RecommendationEvent> decide(Reconsider command, Recommendations state) {
        if (!state.any() || state.current().withheldForClinicalReview() || state.current().routineId() == null
                || command.evidence().clinicalReview()) {
            return List.of();
        }
        RecommendationEvent.Recommended next = recommended(command, state, state.current().assessmentId(),
                state.current().method(), null, state.current().assessedAt());
        // only a change of routine is news; the same routine again would only repeat the current recommendation
        return java.util.Objects.equals(next.routineId(), state.current().routineId()) ? List.of() : List.of(next);
    }

    private static RecommendationEvent.Recommended recommended(Command command, Recommendations state, UUID assessmentId,
                                                               String method, UUID clearanceId, Instant assessedAt) {
        // the last routine recommended lets a repeated finding move the employee forward instead of repeating it
        String previousRoutineId = state.any() ? state.current().routineId() : null;
        Evidence evidence = command.evidence();
        // the level follows how the current routine was tolerated (logged sessions), never the number of checks
        ProgressionPolicy.Step step = command instanceof Recommend r ? r.step()
                : command instanceof Reconsider r ? r.step() : ProgressionPolicy.Step.STAY;
        Recommendation recommendation = new Recommender(command.published()).recommend(evidence, previousRoutineId, step);
        var routine = recommendation.routine();
        UUID employeeId = command.employeeId();
        return new RecommendationEvent.Recommended(command.recommendationId(), employeeId, assessmentId,
                routine == null ? null : routine.id(),
                routine == null ? null : routine.title(),
                routine == null ? null : routine.durationMinutes(),
                evidence.findingCodes(), recommendation.withheldForClinicalReview(), assessedAt, command.at(),
                method, clearanceId, evidence.precautions(),
                recommendation.replaced() == null ? null : recommendation.replaced().id(),
                recommendation.microBreaks().stream().map(Exercise::id).toList(),
                routine != null && routine.floorOrEquipment(),
                routine != null && routine.softTissueRelease(),
                recommendation.heldBack() == null ? null : recommendation.heldBack().id());
    }

    @Override
    public Recommendations evolve(Recommendations state, RecommendationEvent event) {
        if (event instanceof RecommendationEvent.Recommended recommended) {
            Set<UUID> seen = new HashSet<>(state.assessmentsSeen());
            seen.add(recommended.assessmentId());
            Set<UUID> clearances = new HashSet<>(state.clearancesSeen());
            if (recommended.clearanceId() != null) {
                clearances.add(recommended.clearanceId());
            }
            Map<String, Instant> latest = new HashMap<>(state.latestByMethod());
            String method = recommended.method() == null ? LEGACY_METHOD : recommended.method();
            latest.merge(method, recommended.assessedAt(), (a, b) -> a.isAfter(b) ? a : b);
            return new Recommendations(recommended, Set.copyOf(seen), Set.copyOf(clearances), Map.copyOf(latest));
        }
        return state;
    }
}
