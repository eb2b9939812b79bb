package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.exercises.catalogue.StartingRoutines;
import io.upright.exercises.catalogue.Vocabulary;
import io.upright.exercises.content.RoutineEvent.RoutineDrafted;
import io.upright.exercises.content.RoutineEvent.RoutinePublished;
import io.upright.exercises.content.RoutineEvent.RoutineRetired;
import io.upright.exercises.content.RoutineEvent.RoutineReviewRejected;
import io.upright.exercises.content.RoutineEvent.RoutineRevised;
import io.upright.exercises.content.RoutineEvent.RoutineSubmittedForReview;
import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authoring rules of one routine. A routine names its exercises in order; its length is always the sum of
 * theirs. It can be published only when every exercise it names is published and the sum is 5–10 minutes, and
 * its {@code next} (if any) is a published routine at the same or a higher level that does not lead back to it.
 * It cannot be retired while another published routine continues with it, or while the recommender starts
 * employees on it.
 */
public class RoutineDecider extends ContentDecider<RoutineDefinition, RoutineEvent> {

    /** The routines the recommender's rules start from; retiring one would leave findings without a routine. */
    static final Set<String> RECOMMENDER_STARTS = StartingRoutines.ALL;

    @Override
    protected String noun() {
        return "Routine";
    }

    @Override
    protected String idOf(RoutineDefinition content) {
        return content.id();
    }

    @Override
    protected String itemIdOf(RoutineEvent event) {
        return event.routineId();
    }

    @Override
    protected List<FieldError> check(RoutineDefinition r) {
        List<FieldError> errors = new ArrayList<>();
        ExerciseDecider.text("title", r.title(), 120, errors);
        ExerciseDecider.text("purpose", r.purpose(), 500, errors);
        if (!Vocabulary.isOneOf(Vocabulary.LEVELS, r.level())) {
            errors.add(new FieldError("level", "must be one of " + Vocabulary.LEVELS));
        }
        if (r.exerciseIds() == null || r.exerciseIds().isEmpty()) {
            errors.add(new FieldError("exerciseIds", "needs at least one exercise id"));
        } else {
            for (int i = 0; i < r.exerciseIds().size(); i++) {
                String id = r.exerciseIds().get(i);
                if (id == null || !ID.matcher(id).matches()) {
                    errors.add(new FieldError("exerciseIds[" + i + "]", "is not an exercise id"));
                }
            }
        }
        if (r.next() != null && (!ID.matcher(r.next()).matches() || r.next().equals(r.id()))) {
            errors.add(new FieldError("next", "must be the id of another routine, or null"));
        }
        return errors;
    }

    /** Total length of the routine from the published exercises, or empty when some are not published. */
    public static Optional<Integer> durationSeconds(RoutineDefinition r, Catalogue published) {
        int sum = 0;
        for (String id : r.exerciseIds()) {
            var exercise = published.exercise(id);
            if (exercise.isEmpty()) {
                return Optional.empty();
            }
            sum += exercise.get().durationSeconds();
        }
        return Optional.of(sum);
    }

    @Override
    protected List<String> publishBlockers(RoutineDefinition r, Catalogue published) {
        List<String> blockers = new ArrayList<>();
        List<String> missing = r.exerciseIds().stream().filter(id -> published.exercise(id).isEmpty()).distinct().toList();
        if (!missing.isEmpty()) {
            blockers.add("these exercises are not published: " + String.join(", ", missing));
        } else {
            int seconds = durationSeconds(r, published).orElseThrow();
            if (seconds < Catalogue.MIN_ROUTINE_SECONDS || seconds > Catalogue.MAX_ROUTINE_SECONDS) {
                blockers.add("its exercises add up to " + seconds + " seconds; routines are 5 to 10 minutes");
            }
            // a physiotherapist shows a release technique first, so beginners never get one inside a routine
            if (Vocabulary.LEVELS.get(0).equals(r.level())
                    && r.exerciseIds().stream().anyMatch(id -> published.exercise(id).orElseThrow().softTissueRelease())) {
                blockers.add("a beginner routine may not contain a release technique");
            }
        }
        if (r.next() != null) {
            Optional<Routine> next = published.routine(r.next());
            if (next.isEmpty()) {
                blockers.add("next routine " + r.next() + " is not published");
            } else {
                if (Vocabulary.LEVELS.indexOf(next.get().level()) < Vocabulary.LEVELS.indexOf(r.level())) {
                    blockers.add("next routine " + r.next() + " is at the lower level " + next.get().level());
                }
                Set<String> seen = new HashSet<>();
                for (Routine step = next.get(); step != null && seen.add(step.id());
                     step = step.next() == null ? null : published.routine(step.next()).orElse(null)) {
                    if (step.id().equals(r.id())) {
                        blockers.add("its progression via " + r.next() + " loops back to it");
                        break;
                    }
                }
            }
        }
        return blockers;
    }

    @Override
    protected List<String> retireBlockers(String id, Catalogue published) {
        List<String> blockers = new ArrayList<>();
        if (RECOMMENDER_STARTS.contains(id)) {
            blockers.add("the recommender starts employees on it");
        }
        List<String> before = published.routines().stream()
                .filter(r -> id.equals(r.next()) && !r.id().equals(id)).map(Routine::id).toList();
        if (!before.isEmpty()) {
            blockers.add("published routines continue with it: " + String.join(", ", before));
        }
        return blockers;
    }

    @Override
    protected RoutineEvent toEvent(String id, ContentChange<RoutineDefinition> change) {
        if (change instanceof ContentChange.Drafted<RoutineDefinition> d) {
            return new RoutineDrafted(id, d.version(), d.content(), d.seedVersion(), d.by(), d.at());
        }
        if (change instanceof ContentChange.Revised<RoutineDefinition> r) {
            return new RoutineRevised(id, r.version(), r.content(), r.by(), r.at());
        }
        if (change instanceof ContentChange.SubmittedForReview<RoutineDefinition> s) {
            return new RoutineSubmittedForReview(id, s.version(), s.by(), s.at());
        }
        if (change instanceof ContentChange.ReviewRejected<RoutineDefinition> r) {
            return new RoutineReviewRejected(id, r.version(), r.reason(), r.by(), r.at());
        }
        if (change instanceof ContentChange.Published<RoutineDefinition> p) {
            return new RoutinePublished(id, p.version(), p.by(), p.at());
        }
        ContentChange.Retired<RoutineDefinition> r = (ContentChange.Retired<RoutineDefinition>) change;
        return new RoutineRetired(id, r.version(), r.by(), r.at());
    }

    @Override
    protected ContentChange<RoutineDefinition> toChange(RoutineEvent event) {
        if (event instanceof RoutineDrafted d) {
            return new ContentChange.Drafted<>(d.version(), d.content(), d.seedVersion(), d.by(), d.at());
        }
        if (event instanceof RoutineRevised r) {
            return new ContentChange.Revised<>(r.version(), r.content(), r.by(), r.at());
        }
        if (event instanceof RoutineSubmittedForReview s) {
            return new ContentChange.SubmittedForReview<>(s.version(), s.by(), s.at());
        }
        if (event instanceof RoutineReviewRejected r) {
            return new ContentChange.ReviewRejected<>(r.version(), r.reason(), r.by(), r.at());
        }
        if (event instanceof RoutinePublished p) {
            return new ContentChange.Published<>(p.version(), p.by(), p.at());
        }
        RoutineRetired r = (RoutineRetired) event;
        return new ContentChange.Retired<>(r.version(), r.by(), r.at());
    }
}
