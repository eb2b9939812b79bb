package io.upright.web.content;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutineFormTest {

    private static final List<ContentApi.Summary> PUBLISHED = List.of(
            new ContentApi.Summary("chin-tuck", "Chin tuck", "published", 1, 1),
            new ContentApi.Summary("wall-angel", "Wall angel", "published", 1, 1));

    private static Map<String, List<String>> posted(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    @Test
    void the_chosen_exercises_are_sent_in_row_order_without_the_empty_rows() {
        RoutineForm form = RoutineForm.read(posted("id", " posture-pause ", "title", "Posture pause", "purpose", "Reset",
                "level", "beginner", "exerciseIds[0]", "", "exerciseIds[1]", "wall-angel", "exerciseIds[2]", "",
                "exerciseIds[3]", "chin-tuck", "next", ""), null);
        ContentApi.Routine body = form.body();
        assertThat(body.id()).isEqualTo("posture-pause");
        assertThat(body.exerciseIds()).containsExactly("wall-angel", "chin-tuck");
        assertThat(body.next()).as("no next routine chosen").isNull();
    }

    @Test
    void editing_keeps_the_id_of_the_path_whatever_was_posted() {
        RoutineForm form = RoutineForm.read(posted("id", "renamed", "title", "T"), "posture-pause");
        assertThat(form.body().id()).isEqualTo("posture-pause");
    }

    @Test
    void an_error_about_the_nth_exercise_sent_is_shown_at_the_row_it_came_from() {
        RoutineForm form = RoutineForm.read(posted("exerciseIds[0]", "", "exerciseIds[1]", "wall-angel",
                "exerciseIds[2]", "", "exerciseIds[3]", "Chin Tuck"), null);
        ServiceProblem sent = new ServiceProblem(400, "Invalid", "invalid", List.of(
                new ServiceProblem.FieldError("exerciseIds[1]", "is not an exercise id"),
                new ServiceProblem.FieldError("title", "is required")));
        ServiceProblem shown = form.atRows(sent);
        assertThat(shown.at("exerciseIds[3]")).contains("is not an exercise id");
        assertThat(shown.at("exerciseIds[1]")).isEmpty();
        assertThat(shown.at("title")).contains("is required");
        assertThat(shown.fieldErrors().get(0).anchor()).isEqualTo("field-exerciseIds-3-");
    }

    @Test
    void no_exercise_chosen_is_said_at_the_first_row() {
        RoutineForm form = RoutineForm.read(posted("exerciseIds[0]", ""), null);
        ServiceProblem shown = form.atRows(new ServiceProblem(400, "Invalid", "invalid",
                List.of(new ServiceProblem.FieldError("exerciseIds", "needs at least one exercise id"))));
        assertThat(shown.at("exerciseIds[0]")).contains("needs at least one exercise id");
    }

    @Test
    void each_row_offers_none_and_the_published_exercises_with_its_choice_selected() {
        RoutineForm form = RoutineForm.of(new ContentApi.Routine("r", "R", "P", "beginner", null, List.of("wall-angel")));
        List<RoutineForm.Row> rows = form.rows(PUBLISHED, "(none)", "(not published)");
        assertThat(rows).hasSize(RoutineForm.MIN_ROWS);
        assertThat(rows.get(0).anchor()).isEqualTo("field-exerciseIds-0-");
        assertThat(rows.get(0).options()).extracting(RoutineForm.Option::value).containsExactly("", "chin-tuck", "wall-angel");
        assertThat(rows.get(0).options()).filteredOn(RoutineForm.Option::selected).extracting(RoutineForm.Option::label)
                .containsExactly("Wall angel (wall-angel)");
        assertThat(rows.get(1).options()).filteredOn(RoutineForm.Option::selected).extracting(RoutineForm.Option::value)
                .containsExactly("");
    }

    @Test
    void an_exercise_the_routine_names_that_is_not_published_stays_chosen_so_saving_keeps_it() {
        RoutineForm form = RoutineForm.of(new ContentApi.Routine("r", "R", "P", "beginner", null,
                List.of("new-stretch", "chin-tuck")));
        RoutineForm.Row first = form.rows(PUBLISHED, "(none)", "(not published)").get(0);
        assertThat(first.options()).filteredOn(RoutineForm.Option::selected).extracting(RoutineForm.Option::label)
                .containsExactly("new-stretch (not published)");
    }

    @Test
    void a_long_routine_gets_spare_rows_below_its_exercises() {
        List<String> nine = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        RoutineForm form = RoutineForm.of(new ContentApi.Routine("r", "R", "P", "beginner", null, nine));
        assertThat(form.rows(PUBLISHED, "-", "?")).hasSize(9 + RoutineForm.SPARE_ROWS);
    }

    @Test
    void the_next_routine_is_chosen_among_the_other_published_routines() {
        List<ContentApi.Summary> routines = List.of(new ContentApi.Summary("posture-reset", "Posture reset", "published", 1, 1),
                new ContentApi.Summary("posture-builder", "Posture builder", "published", 1, 1));
        RoutineForm form = RoutineForm.of(new ContentApi.Routine("posture-reset", "R", "P", "beginner", "posture-builder", List.of()));
        List<RoutineForm.Option> options = form.nextOptions(routines, "No next routine", "(not published)");
        assertThat(options).extracting(RoutineForm.Option::value).containsExactly("", "posture-builder");
        assertThat(options.get(0).label()).isEqualTo("No next routine");
        assertThat(options.get(1).selected()).isTrue();
    }

    @Test
    void a_level_the_form_does_not_know_stays_offered_and_chosen() {
        RoutineForm form = RoutineForm.of(new ContentApi.Routine("r", "R", "P", "advanced", null, List.of()));
        assertThat(form.levelOptions()).extracting(RoutineForm.Option::value).containsExactly("beginner", "intermediate", "advanced");
        assertThat(form.levelOptions().get(2).selected()).isTrue();
    }
}
