package io.upright.web.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ExerciseForm.Words WORDS = new ExerciseForm.Words() {
        @Override
        public String wholeNumber() {
            return "whole number";
        }

        @Override
        public String wholeDose() {
            return "all six or none";
        }

        @Override
        public String notJson(String problem, int line, int column) {
            return "not JSON at " + line + ":" + column;
        }

        @Override
        public String jsonObject() {
            return "an object";
        }

        @Override
        public String jsonList() {
            return "a list";
        }
    };

    private static ContentApi.Exercise birdDog() throws Exception {
        return new ContentApi.Exercise("bird-dog", "Bird dog", "Steady the back", List.of("Kneel on all fours.", "Reach out."),
                0, null, List.of("core", "lower-back"), "floor", List.of(), "gentle", List.of("Wrist pain"),
                List.of("Keep the back flat.", "Stop if it hurts."), false,
                List.of(new ContentApi.Media("image", "/media/bird-dog.png", "A person on all fours")),
                "Named guideline: McGill", List.of("pregnancy"), new ContentApi.Dose(10, 1, 2, 8, 5, 10), false, false,
                false, false, JSON.readTree("{\"alt\":\"On all fours\",\"view\":\"side\",\"props\":[],\"keyframes\":[{\"trunk\":90}]}"));
    }

    /** The form as a browser posts it: text fields, each ticked box, the chosen options. */
    private static Map<String, List<String>> posted(ExerciseForm f) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("id", List.of(f.id()));
        form.put("title", List.of(f.title()));
        form.put("purpose", List.of(f.purpose()));
        form.put("steps", List.of(f.steps()));
        form.put("safetyNotes", List.of(f.safetyNotes()));
        form.put("contraindications", List.of(f.contraindications()));
        form.put("contraindicationCodes", f.codeChoices().stream().filter(ExerciseForm.Choice::checked).map(ExerciseForm.Choice::value).toList());
        form.put("bodyAreas", f.bodyAreaChoices().stream().filter(ExerciseForm.Choice::checked).map(ExerciseForm.Choice::value).toList());
        form.put("equipment", f.equipmentChoices().stream().filter(ExerciseForm.Choice::checked).map(ExerciseForm.Choice::value).toList());
        form.put("position", List.of(f.position()));
        form.put("intensity", List.of(f.intensity()));
        f.flagChoices().stream().filter(ExerciseForm.Choice::checked).forEach(c -> form.put(c.value(), List.of("true")));
        form.put("source", List.of(f.source()));
        f.doseParts().forEach(p -> form.put(p.name(), List.of(p.value())));
        form.put("durationSeconds", List.of(f.durationSeconds()));
        form.put("reps", List.of(f.reps()));
        form.put("illustration", List.of(f.illustration()));
        form.put("media", List.of(f.media()));
        return form;
    }

    @Test
    void an_exercise_shown_in_the_form_and_saved_unchanged_is_sent_back_as_it_was() throws Exception {
        ContentApi.Exercise original = birdDog();
        ExerciseForm.Parsed parsed = ExerciseForm.read(posted(ExerciseForm.of(original)), "bird-dog").parse(WORDS);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.body()).contains(original);
    }

    @Test
    void without_a_dose_the_typed_length_and_repetitions_are_sent() throws Exception {
        ContentApi.Exercise walk = new ContentApi.Exercise("walk", "Walk", "Move", List.of("Walk."), 120, 3,
                List.of("whole-body"), "standing", List.of(), "moderate", List.of("Dizziness"), List.of("Go easy."),
                true, List.of(), "Named guideline: WHO", List.of(), null, false, true, false, false, null);
        ExerciseForm form = ExerciseForm.of(walk);
        assertThat(form.durationSeconds()).isEqualTo("120");
        assertThat(form.illustration()).isEmpty();
        assertThat(ExerciseForm.read(posted(form), "walk").parse(WORDS).body()).contains(walk);
    }

    @Test
    void lines_are_trimmed_and_empty_lines_left_out() {
        assertThat(ExerciseForm.lines("  Kneel.\r\n\n Reach out. \n")).containsExactly("Kneel.", "Reach out.");
    }

    @Test
    void half_a_dose_is_said_at_the_dose_and_nothing_is_sent() {
        Map<String, List<String>> form = posted(ExerciseForm.empty());
        form.put("dose.sets", List.of("2"));
        ExerciseForm.Parsed parsed = ExerciseForm.read(form, null).parse(WORDS);
        assertThat(parsed.body()).isEmpty();
        assertThat(parsed.errors()).containsExactly(new ServiceProblem.FieldError("dose", "all six or none"));
    }

    @Test
    void a_number_that_is_no_whole_number_is_said_at_its_field() {
        Map<String, List<String>> form = posted(ExerciseForm.empty());
        form.put("durationSeconds", List.of("ninety"));
        List<String> parts = new ArrayList<>(List.of("5", "1", "2", "8", "4.5", "10"));
        List<String> names = ExerciseForm.DOSE_PARTS;
        for (int i = 0; i < names.size(); i++) {
            form.put("dose." + names.get(i), List.of(parts.get(i)));
        }
        ExerciseForm.Parsed parsed = ExerciseForm.read(form, null).parse(WORDS);
        assertThat(parsed.errors()).extracting(ServiceProblem.FieldError::field)
                .containsExactlyInAnyOrder("durationSeconds", "dose.secondsPerRep");
        assertThat(parsed.errors().get(0).anchor()).startsWith("field-");
        assertThat(new ServiceProblem.FieldError("dose.secondsPerRep", "").anchor()).isEqualTo("field-dose-secondsPerRep");
    }

    @Test
    void a_drawing_that_is_not_json_is_said_at_the_drawing_with_where_it_broke() {
        Map<String, List<String>> form = posted(ExerciseForm.empty());
        form.put("illustration", List.of("{\"alt\": \"x\",\n \"view\": side}"));
        ExerciseForm.Parsed parsed = ExerciseForm.read(form, null).parse(WORDS);
        assertThat(parsed.body()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("illustration");
            assertThat(e.message()).startsWith("not JSON at 2:");
        });
    }

    @Test
    void a_drawing_must_be_an_object_and_media_a_list_of_media() {
        Map<String, List<String>> form = posted(ExerciseForm.empty());
        form.put("illustration", List.of("[1, 2]"));
        form.put("media", List.of("[{\"kind\": \"image\", \"colour\": \"red\"}]"));
        ExerciseForm.Parsed parsed = ExerciseForm.read(form, null).parse(WORDS);
        assertThat(parsed.errors()).containsExactly(new ServiceProblem.FieldError("illustration", "an object"),
                new ServiceProblem.FieldError("media", "a list"));
    }

    @Test
    void the_services_errors_about_parts_of_the_drawing_media_or_dose_are_shown_at_that_field() {
        ServiceProblem sent = new ServiceProblem(400, "Invalid", "invalid", List.of(
                new ServiceProblem.FieldError("illustration.alt", "must say in words what the drawing shows"),
                new ServiceProblem.FieldError("media[0]", "needs a kind"),
                new ServiceProblem.FieldError("microBreak", "a micro-break is desk-friendly")));
        ServiceProblem shown = ExerciseForm.atFields(sent);
        assertThat(shown.at("illustration")).contains("must say in words what the drawing shows");
        assertThat(shown.at("media")).contains("needs a kind");
        assertThat(shown.at("microBreak")).contains("a micro-break is desk-friendly");
    }

    @Test
    void a_word_the_form_does_not_know_stays_offered_and_ticked() throws Exception {
        ContentApi.Exercise e = birdDog();
        ContentApi.Exercise withNewArea = new ContentApi.Exercise(e.id(), e.title(), e.purpose(), e.steps(), 0, null,
                List.of("core", "feet"), e.position(), e.equipment(), e.intensity(), e.contraindications(), e.safetyNotes(),
                false, e.media(), e.source(), e.contraindicationCodes(), e.dose(), false, false, false, false, e.illustration());
        List<ExerciseForm.Choice> areas = ExerciseForm.of(withNewArea).bodyAreaChoices();
        assertThat(areas).filteredOn(ExerciseForm.Choice::checked).extracting(ExerciseForm.Choice::value)
                .containsExactly("core", "feet");
        assertThat(areas.get(0).id()).isEqualTo("field-bodyAreas");
        assertThat(areas.get(1).id()).isEqualTo("field-bodyAreas-feet");
        assertThat(areas).hasSize(ExerciseForm.BODY_AREAS.size() + 1);
    }

    @Test
    void a_choice_the_form_does_not_know_is_offered_after_the_known_ones_and_chosen() throws Exception {
        ContentApi.Exercise e = birdDog();
        ContentApi.Exercise kneeling = new ContentApi.Exercise(e.id(), e.title(), e.purpose(), e.steps(), 0, null,
                e.bodyAreas(), "kneeling", e.equipment(), e.intensity(), e.contraindications(), e.safetyNotes(),
                false, e.media(), e.source(), e.contraindicationCodes(), e.dose(), false, false, false, false, e.illustration());
        assertThat(ExerciseForm.of(kneeling).positionChoices()).extracting(ExerciseForm.Choice::value)
                .containsExactly("seated", "standing", "floor", "kneeling");
        assertThat(ExerciseForm.of(kneeling).positionChoices().get(3).checked()).isTrue();
    }

    @Test
    void the_yes_no_fields_carry_the_anchors_the_service_names() {
        assertThat(ExerciseForm.empty().flagChoices()).extracting(ExerciseForm.Choice::id)
                .contains("field-microBreak", "field-vigorous", "field-deskFriendly");
    }
}
