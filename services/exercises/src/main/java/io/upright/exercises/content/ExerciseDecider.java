package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.ExerciseRules;
import io.upright.exercises.catalogue.MediaReference;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.Vocabulary;
import io.upright.exercises.content.ExerciseEvent.ExerciseDrafted;
import io.upright.exercises.content.ExerciseEvent.ExercisePublished;
import io.upright.exercises.content.ExerciseEvent.ExerciseRetired;
import io.upright.exercises.content.ExerciseEvent.ExerciseReviewRejected;
import io.upright.exercises.content.ExerciseEvent.ExerciseRevised;
import io.upright.exercises.content.ExerciseEvent.ExerciseSubmittedForReview;
import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The authoring rules of one exercise. Besides the shared workflow: an exercise needs a title, purpose, steps,
 * a positive duration, body areas, position, equipment and intensity from the vocabulary, at least one
 * contraindication and safety note, and a source; a new published version may not push a published routine
 * outside 5–10 minutes; an exercise a published routine uses cannot be retired.
 */
public class ExerciseDecider extends ContentDecider<Exercise, ExerciseEvent> {

    @Override
    protected String noun() {
        return "Exercise";
    }

    @Override
    protected String idOf(Exercise content) {
        return content.id();
    }

    @Override
    protected String itemIdOf(ExerciseEvent event) {
        return event.exerciseId();
    }

    @Override
    protected List<FieldError> check(Exercise e) {
        List<FieldError> errors = new ArrayList<>();
        text("title", e.title(), 120, errors);
        text("purpose", e.purpose(), 500, errors);
        text("source", e.source(), 300, errors);
        lines("steps", e.steps(), errors);
        lines("contraindications", e.contraindications(), errors);
        lines("safetyNotes", e.safetyNotes(), errors);
        if (e.durationSeconds() < 1 || e.durationSeconds() > Catalogue.MAX_ROUTINE_SECONDS) {
            errors.add(new FieldError("durationSeconds", "must be from 1 to " + Catalogue.MAX_ROUTINE_SECONDS));
        }
        if (e.reps() != null && e.reps() < 1) {
            errors.add(new FieldError("reps", "must be positive when given"));
        }
        if (e.bodyAreas() == null || e.bodyAreas().isEmpty() || !Vocabulary.allIn(Vocabulary.BODY_AREAS, e.bodyAreas())) {
            errors.add(new FieldError("bodyAreas", "needs at least one of " + Vocabulary.BODY_AREAS));
        }
        if (!Vocabulary.isOneOf(Vocabulary.POSITIONS, e.position())) {
            errors.add(new FieldError("position", "must be one of " + Vocabulary.POSITIONS));
        }
        if (!Vocabulary.allIn(Vocabulary.EQUIPMENT, e.equipment())) {
            errors.add(new FieldError("equipment", "must list items from " + Vocabulary.EQUIPMENT + " ([] for none)"));
        }
        if (!Vocabulary.isOneOf(Vocabulary.INTENSITIES, e.intensity())) {
            errors.add(new FieldError("intensity", "must be one of " + Vocabulary.INTENSITIES));
        }
        ExerciseRules.problems(e).forEach(p -> errors.add(new FieldError(p.field(), p.message())));
        for (int i = 0; i < e.media().size(); i++) {
            MediaReference m = e.media().get(i);
            if (m == null || !Vocabulary.isOneOf(Vocabulary.MEDIA_KINDS, m.kind()) || blank(m.uri()) || blank(m.description())) {
                errors.add(new FieldError("media[" + i + "]", "needs a kind from " + Vocabulary.MEDIA_KINDS
                        + ", a uri and a text description"));
            }
        }
        return errors;
    }

    @Override
    protected List<String> publishBlockers(Exercise content, Catalogue published) {
        List<String> blockers = new ArrayList<>();
        for (Routine routine : published.routines()) {
            if (!routine.exerciseIds().contains(content.id())) {
                continue;
            }
            int seconds = routine.exercises().stream()
                    .mapToInt(e -> e.id().equals(content.id()) ? content.durationSeconds() : e.durationSeconds()).sum();
            if (seconds < Catalogue.MIN_ROUTINE_SECONDS || seconds > Catalogue.MAX_ROUTINE_SECONDS) {
                blockers.add("published routine " + routine.id() + " would last " + seconds
                        + " seconds; routines are 5 to 10 minutes");
            }
            if (content.softTissueRelease() && Vocabulary.LEVELS.get(0).equals(routine.level())) {
                blockers.add("published beginner routine " + routine.id() + " would contain a release technique");
            }
        }
        return blockers;
    }

    @Override
    protected List<String> retireBlockers(String id, Catalogue published) {
        List<String> users = published.routines().stream()
                .filter(r -> r.exerciseIds().contains(id)).map(Routine::id).toList();
        return users.isEmpty() ? List.of()
                : List.of("published routines use it: " + String.join(", ", users) + " (retire or change them first)");
    }

    @Override
    protected ExerciseEvent toEvent(String id, ContentChange<Exercise> change) {
        if (change instanceof ContentChange.Drafted<Exercise> d) {
            return new ExerciseDrafted(id, d.version(), d.content(), d.seedVersion(), d.by(), d.at());
        }
        if (change instanceof ContentChange.Revised<Exercise> r) {
            return new ExerciseRevised(id, r.version(), r.content(), r.by(), r.at());
        }
        if (change instanceof ContentChange.SubmittedForReview<Exercise> s) {
            return new ExerciseSubmittedForReview(id, s.version(), s.by(), s.at());
        }
        if (change instanceof ContentChange.ReviewRejected<Exercise> r) {
            return new ExerciseReviewRejected(id, r.version(), r.reason(), r.by(), r.at());
        }
        if (change instanceof ContentChange.Published<Exercise> p) {
            return new ExercisePublished(id, p.version(), p.by(), p.at());
        }
        ContentChange.Retired<Exercise> r = (ContentChange.Retired<Exercise>) change;
        return new ExerciseRetired(id, r.version(), r.by(), r.at());
    }

    @Override
    protected ContentChange<Exercise> toChange(ExerciseEvent event) {
        if (event instanceof ExerciseDrafted d) {
            return new ContentChange.Drafted<>(d.version(), d.content(), d.seedVersion(), d.by(), d.at());
        }
        if (event instanceof ExerciseRevised r) {
            return new ContentChange.Revised<>(r.version(), r.content(), r.by(), r.at());
        }
        if (event instanceof ExerciseSubmittedForReview s) {
            return new ContentChange.SubmittedForReview<>(s.version(), s.by(), s.at());
        }
        if (event instanceof ExerciseReviewRejected r) {
            return new ContentChange.ReviewRejected<>(r.version(), r.reason(), r.by(), r.at());
        }
        if (event instanceof ExercisePublished p) {
            return new ContentChange.Published<>(p.version(), p.by(), p.at());
        }
        ExerciseRetired r = (ExerciseRetired) event;
        return new ContentChange.Retired<>(r.version(), r.by(), r.at());
    }

    static void text(String field, String value, int max, List<FieldError> errors) {
        if (blank(value) || value.length() > max) {
            errors.add(new FieldError(field, "is required (at most " + max + " characters)"));
        }
    }

    static void lines(String field, List<String> values, List<FieldError> errors) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(ExerciseDecider::blank)) {
            errors.add(new FieldError(field, "needs at least one item and no blank items"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
