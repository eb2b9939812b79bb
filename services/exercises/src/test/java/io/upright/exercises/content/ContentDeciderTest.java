package io.upright.exercises.content;

import io.upright.exercises.TestCatalogue;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.exercises.content.ExerciseEvent.ExerciseDrafted;
import io.upright.exercises.content.ExerciseEvent.ExercisePublished;
import io.upright.exercises.content.ExerciseEvent.ExerciseRetired;
import io.upright.exercises.content.ExerciseEvent.ExerciseReviewRejected;
import io.upright.exercises.content.ExerciseEvent.ExerciseRevised;
import io.upright.exercises.content.ExerciseEvent.ExerciseSubmittedForReview;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentDeciderTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Catalogue EMPTY = Catalogue.published(List.of(), Map.of(), List.of(), Map.of());

    private final ExerciseDecider exercises = new ExerciseDecider();
    private final RoutineDecider routines = new RoutineDecider();

    static Exercise exercise(String id, int seconds) {
        return new Exercise(id, "Title " + id, "Purpose", List.of("Step one"), seconds, null, List.of("core"), "standing",
                List.of(), "gentle", List.of("Acute pain"), List.of("Stop if it hurts"), true, null, "Named guideline: NHS");
    }

    private ContentState<Exercise> apply(ContentState<Exercise> state, ContentCommand<Exercise> command) {
        List<ExerciseEvent> events = exercises.decide(command, state);
        ContentState<Exercise> next = state;
        for (ExerciseEvent e : events) {
            next = exercises.evolve(next, e);
        }
        return next;
    }

    private ContentState<Exercise> published(Exercise content) {
        ContentState<Exercise> s = apply(exercises.initialState(), new ContentCommand.Create<>(content, "ed", AT));
        s = apply(s, new ContentCommand.SubmitForReview<>("ed", AT));
        return apply(s, new ContentCommand.Publish<>(EMPTY, "chief", AT));
    }

    @Test
    void a_draft_goes_through_review_to_published() {
        ContentState<Exercise> s = exercises.initialState();
        List<ExerciseEvent> created = exercises.decide(new ContentCommand.Create<>(exercise("a", 60), "ed", AT), s);
        assertThat(created).singleElement().isInstanceOfSatisfying(ExerciseDrafted.class,
                d -> assertThat(d.version()).isEqualTo(1));
        s = apply(s, new ContentCommand.Create<>(exercise("a", 60), "ed", AT));
        assertThat(exercises.decide(new ContentCommand.Edit<>(exercise("a", 90), "ed", AT), s)).singleElement()
                .isInstanceOf(ExerciseRevised.class);
        assertThat(exercises.decide(new ContentCommand.SubmitForReview<>("ed", AT), s)).singleElement()
                .isInstanceOf(ExerciseSubmittedForReview.class);
        s = apply(s, new ContentCommand.SubmitForReview<>("ed", AT));
        assertThat(exercises.decide(new ContentCommand.RejectReview<>("Say which side", "chief", AT), s)).singleElement()
                .isInstanceOf(ExerciseReviewRejected.class);
        assertThat(exercises.decide(new ContentCommand.Publish<>(EMPTY, "chief", AT), s)).singleElement()
                .isInstanceOf(ExercisePublished.class);
        s = apply(s, new ContentCommand.Publish<>(EMPTY, "chief", AT));
        assertThat(s.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(s.published().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_rejected_version_returns_to_draft_with_the_reason() {
        ContentState<Exercise> s = apply(exercises.initialState(), new ContentCommand.Create<>(exercise("a", 60), "ed", AT));
        s = apply(s, new ContentCommand.SubmitForReview<>("ed", AT));
        s = apply(s, new ContentCommand.RejectReview<>("Say which side", "chief", AT));
        assertThat(s.latest().orElseThrow().status()).isEqualTo(ContentStatus.DRAFT);
        assertThat(s.latest().orElseThrow().note()).isEqualTo("Say which side");
    }

    @Test
    void only_a_version_in_review_can_be_published_or_rejected_and_only_a_draft_submitted_or_edited() {
        ContentState<Exercise> draft = apply(exercises.initialState(), new ContentCommand.Create<>(exercise("a", 60), "ed", AT));
        assertConflict(() -> exercises.decide(new ContentCommand.Publish<>(EMPTY, "chief", AT), draft));
        assertConflict(() -> exercises.decide(new ContentCommand.RejectReview<>("why", "chief", AT), draft));
        ContentState<Exercise> inReview = apply(draft, new ContentCommand.SubmitForReview<>("ed", AT));
        assertConflict(() -> exercises.decide(new ContentCommand.SubmitForReview<>("ed", AT), inReview));
        assertConflict(() -> exercises.decide(new ContentCommand.Edit<>(exercise("a", 70), "ed", AT), inReview));
        ContentState<Exercise> published = published(exercise("b", 60));
        assertConflict(() -> exercises.decide(new ContentCommand.Publish<>(EMPTY, "chief", AT), published));
        assertConflict(() -> exercises.decide(new ContentCommand.SubmitForReview<>("ed", AT), published));
        assertConflict(() -> exercises.decide(new ContentCommand.Create<>(exercise("b", 60), "ed", AT), published));
    }

    @Test
    void editing_a_published_exercise_starts_the_next_version_while_the_published_one_stays() {
        ContentState<Exercise> s = published(exercise("a", 60));
        s = apply(s, new ContentCommand.Edit<>(exercise("a", 90), "ed", AT));
        assertThat(s.versions()).hasSize(2);
        assertThat(s.latest().orElseThrow().version()).isEqualTo(2);
        assertThat(s.latest().orElseThrow().status()).isEqualTo(ContentStatus.DRAFT);
        assertThat(s.published().orElseThrow().version()).isEqualTo(1);
        assertThat(s.published().orElseThrow().content().durationSeconds()).isEqualTo(60);
        s = apply(s, new ContentCommand.SubmitForReview<>("ed", AT));
        s = apply(s, new ContentCommand.Publish<>(EMPTY, "chief", AT));
        assertThat(s.published().orElseThrow().version()).isEqualTo(2);
        assertThat(s.versions().get(0).status()).isEqualTo(ContentStatus.SUPERSEDED);
        assertThat(s.versions().get(0).content().durationSeconds()).as("an old version never changes").isEqualTo(60);
    }

    @Test
    void only_a_published_exercise_can_be_retired_and_a_retired_one_takes_no_more_changes() {
        ContentState<Exercise> draft = apply(exercises.initialState(), new ContentCommand.Create<>(exercise("a", 60), "ed", AT));
        assertConflict(() -> exercises.decide(new ContentCommand.Retire<>(EMPTY, "chief", AT), draft));
        ContentState<Exercise> s = published(exercise("b", 60));
        assertThat(exercises.decide(new ContentCommand.Retire<>(EMPTY, "chief", AT), s)).singleElement()
                .isInstanceOf(ExerciseRetired.class);
        ContentState<Exercise> retired = apply(s, new ContentCommand.Retire<>(EMPTY, "chief", AT));
        assertThat(retired.status()).isEqualTo(ContentStatus.RETIRED);
        assertThat(retired.published()).isEmpty();
        assertConflict(() -> exercises.decide(new ContentCommand.Edit<>(exercise("b", 70), "ed", AT), retired));
        assertConflict(() -> exercises.decide(new ContentCommand.Retire<>(EMPTY, "chief", AT), retired));
    }

    @Test
    void an_exercise_a_published_routine_uses_cannot_be_retired_and_the_problem_names_the_routines() {
        ContentState<Exercise> s = published(exercise("glute-bridge", 60));
        assertThatThrownBy(() -> exercises.decide(new ContentCommand.Retire<>(TestCatalogue.V1, "chief", AT), s))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT);
                    assertThat(e.code()).isEqualTo("content-in-use");
                    assertThat(e.getMessage()).contains("desk-day-lower-back", "glute-and-core-builder");
                });
    }

    @Test
    void missing_words_from_the_vocabulary_are_refused_naming_the_field_not_a_null_pointer() {
        List<String> areaWithNull = new ArrayList<>();
        areaWithNull.add(null);
        Exercise bad = new Exercise("a", "Title", "Purpose", List.of("Step one"), 60, null, areaWithNull, null,
                areaWithNull, null, List.of("Acute pain"), List.of("Stop if it hurts"), true, null, "Named guideline: NHS");
        assertThatThrownBy(() -> exercises.decide(new ContentCommand.Create<>(bad, "ed", AT), exercises.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("bodyAreas", "position", "equipment", "intensity"));
    }

    @Test
    void bad_content_is_refused_naming_each_field() {
        Exercise bad = new Exercise("Not Kebab", " ", "p", List.of(), 0, -1, List.of("knees"), "lying", null, "easy",
                List.of(), List.of(" "), true, null, null);
        assertThatThrownBy(() -> exercises.decide(new ContentCommand.Create<>(bad, "ed", AT), exercises.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("id", "title", "source", "steps",
                                "contraindications", "safetyNotes", "durationSeconds", "reps", "bodyAreas", "position",
                                "equipment", "intensity"));
        assertThatThrownBy(() -> exercises.decide(new ContentCommand.RejectReview<>(" ", "chief", AT),
                published(exercise("a", 60))))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.INVALID));
    }

    @Test
    void a_routine_is_published_only_when_its_exercises_are_published_and_add_up_to_five_to_ten_minutes() {
        RoutineDefinition routine = new RoutineDefinition("new-routine", "New", "Purpose", "beginner", null,
                List.of("glute-bridge", "not-there", "also-missing"));
        ContentState<RoutineDefinition> s = routineInReview(routine);
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), s))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT);
                    assertThat(e.code()).isEqualTo("not-publishable");
                    assertThat(e.getMessage()).contains("not-there, also-missing").doesNotContain("glute-bridge,");
                });
        ContentState<RoutineDefinition> tooShort = routineInReview(new RoutineDefinition("short", "Short", "Purpose",
                "beginner", null, List.of("glute-bridge")));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), tooShort))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("5 to 10 minutes"));
        List<String> parts = TestCatalogue.V1.routine("posture-reset").orElseThrow().exerciseIds();
        ContentState<RoutineDefinition> fine = routineInReview(new RoutineDefinition("fine", "Fine", "Purpose",
                "beginner", "posture-builder", parts));
        assertThat(routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), fine)).hasSize(1);
        assertThat(RoutineDecider.durationSeconds(fine.latest().orElseThrow().content(), TestCatalogue.V1))
                .contains(TestCatalogue.V1.routine("posture-reset").orElseThrow().durationSeconds());
    }

    @Test
    void a_routine_next_must_be_published_not_easier_and_not_loop_back() {
        List<String> parts = TestCatalogue.V1.routine("posture-reset").orElseThrow().exerciseIds();
        ContentState<RoutineDefinition> easierNext = routineInReview(new RoutineDefinition("hard", "Hard", "Purpose",
                "intermediate", "posture-reset", parts));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), easierNext))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("lower level"));
        // walking-break-10 continues with interval-walking-break, so pointing back at it closes a circle
        ContentState<RoutineDefinition> loop = routineInReview(new RoutineDefinition("interval-walking-break",
                "Intervals", "Purpose", "intermediate", "walking-break-10", parts));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), loop))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("loops back"));
        ContentState<RoutineDefinition> missingNext = routineInReview(new RoutineDefinition("x", "X", "Purpose",
                "beginner", "nowhere", parts));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Publish<>(TestCatalogue.V1, "chief", AT), missingNext))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("nowhere is not published"));
    }

    @Test
    void routines_the_recommender_starts_from_or_others_continue_with_cannot_be_retired() {
        ContentState<RoutineDefinition> start = publishedRoutine(new RoutineDefinition("walking-break", "W", "P",
                "beginner", null, List.of("glute-bridge")));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Retire<>(TestCatalogue.V1, "chief", AT), start))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage())
                        .contains("recommender", "walking-warm-up"));
        ContentState<RoutineDefinition> end = publishedRoutine(new RoutineDefinition("interval-walking-break", "I", "P",
                "intermediate", null, List.of("glute-bridge")));
        assertThatThrownBy(() -> routines.decide(new ContentCommand.Retire<>(TestCatalogue.V1, "chief", AT), end))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("walking-break-10"));
        ContentState<RoutineDefinition> free = publishedRoutine(new RoutineDefinition("free", "F", "P", "beginner",
                null, List.of("glute-bridge")));
        assertThat(routines.decide(new ContentCommand.Retire<>(TestCatalogue.V1, "chief", AT), free)).hasSize(1);
    }

    @Test
    void seeding_drafts_and_publishes_once_and_a_newer_file_version_adds_a_version() {
        ContentCommand.Seed<Exercise> seed = new ContentCommand.Seed<>(exercise("a", 60), 1, "seed", AT);
        List<ExerciseEvent> first = exercises.decide(seed, exercises.initialState());
        assertThat(first).hasExactlyElementsOfTypes(ExerciseDrafted.class, ExercisePublished.class);
        ContentState<Exercise> s = exercises.fold(first);
        assertThat(exercises.decide(seed, s)).as("same file again").isEmpty();
        assertThat(exercises.decide(new ContentCommand.Seed<>(exercise("a", 60), 2, "seed", AT), s))
                .as("newer file, same content").isEmpty();
        List<ExerciseEvent> changed = exercises.decide(new ContentCommand.Seed<>(exercise("a", 75), 2, "seed", AT), s);
        assertThat(changed).hasExactlyElementsOfTypes(ExerciseDrafted.class, ExercisePublished.class);
        assertThat(((ExerciseDrafted) changed.get(0)).version()).isEqualTo(2);
        List<ExerciseEvent> all = new ArrayList<>(first);
        all.addAll(changed);
        ContentState<Exercise> reseeded = exercises.fold(all);
        assertThat(exercises.decide(new ContentCommand.Seed<>(exercise("a", 75), 2, "seed", AT), reseeded)).isEmpty();
        assertThat(exercises.decide(new ContentCommand.Seed<>(exercise("a", 90), 2, "seed", AT), reseeded))
                .as("an old file version never reapplies").isEmpty();
        ContentState<Exercise> editing = apply(reseeded, new ContentCommand.Edit<>(exercise("a", 80), "ed", AT));
        assertThat(exercises.decide(new ContentCommand.Seed<>(exercise("a", 95), 3, "seed", AT), editing))
                .as("an editor's draft is not overwritten").isEmpty();
    }

    private ContentState<RoutineDefinition> routineInReview(RoutineDefinition routine) {
        ContentState<RoutineDefinition> s = routines.fold(routines.decide(new ContentCommand.Create<>(routine, "ed", AT),
                routines.initialState()));
        List<RoutineEvent> submitted = routines.decide(new ContentCommand.SubmitForReview<>("ed", AT), s);
        return routines.evolve(s, submitted.get(0));
    }

    private ContentState<RoutineDefinition> publishedRoutine(RoutineDefinition routine) {
        return routines.fold(routines.decide(new ContentCommand.Seed<>(routine, 1, "seed", AT), routines.initialState()));
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }
}
