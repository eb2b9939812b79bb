package io.upright.web.console;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramWizardTest {

    private static final ProgramWizard.Texts TEXTS = new ProgramWizard.Texts("whole number", "date", "required");
    private final UUID finance = UUID.randomUUID();
    private final UUID support = UUID.randomUUID();
    private final UUID ada = UUID.randomUUID();

    private Map<String, List<String>> form() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("title", List.of(" Stand up, Finance "));
        form.put("minBreakEveryMinutes", List.of("20"));
        form.put("maxBreakEveryMinutes", List.of("60"));
        form.put("phases[0].startWeek", List.of("1"));
        form.put("phases[0].breakEveryMinutes", List.of("45"));
        form.put("phases[0].dailyActiveMinutesTarget", List.of("120"));
        form.put("phases[1].startWeek", List.of(""));
        form.put("phases[2].startWeek", List.of("5"));
        form.put("phases[2].breakEveryMinutes", List.of("30"));
        form.put("phases[2].dailyActiveMinutesTarget", List.of("240"));
        form.put("teamIds", List.of(finance.toString()));
        form.put("champion-" + finance, List.of(ada.toString()));
        form.put("champion-" + support, List.of(UUID.randomUUID().toString()));
        form.put("startsOn", List.of("2026-12-07"));
        return form;
    }

    @Test
    void a_filled_form_becomes_the_draft_with_the_filled_phases_the_ticked_teams_and_their_champions() {
        ProgramWizard.Read read = ProgramWizard.read(form(), TEXTS);

        assertThat(read.sendable()).isTrue();
        assertThat(read.draft().title()).isEqualTo("Stand up, Finance");
        assertThat(read.draft().phases()).containsExactly(new ConsoleApi.Phase(1, 45, 120), new ConsoleApi.Phase(5, 30, 240));
        assertThat(read.draft().teamIds()).containsExactly(finance);
        // a champion chosen for a team that is not ticked is not appointed
        assertThat(read.champions()).containsExactly(Map.entry(finance, ada));
        assertThat(read.startsOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void the_services_field_names_are_mapped_back_to_the_form_rows_they_came_from() {
        ProgramWizard.Read read = ProgramWizard.read(form(), TEXTS);
        ServiceProblem problem = new ServiceProblem(400, "Invalid request", "2 fields are invalid", List.of(
                new ServiceProblem.FieldError("phases[1].startWeek", "must be after phase 1"),
                new ServiceProblem.FieldError("teamIds[0]", "no such team")));

        ServiceProblem onForm = read.onForm(problem);

        // the second phase sent is the form's third row: the second was left empty
        assertThat(onForm.fieldErrors()).extracting(ServiceProblem.FieldError::field)
                .containsExactly("phases[2].startWeek", "teamIds");
        assertThat(onForm.fieldErrors().get(0).anchor()).isEqualTo("field-phases-2--startWeek");
    }

    @Test
    void what_cannot_be_sent_is_named_at_its_field() {
        Map<String, List<String>> form = form();
        form.put("maxBreakEveryMinutes", List.of("sixty"));
        form.put("startsOn", List.of(""));

        ProgramWizard.Read read = ProgramWizard.read(form, TEXTS);

        assertThat(read.sendable()).isFalse();
        assertThat(read.errors()).containsExactly(new ServiceProblem.FieldError("maxBreakEveryMinutes", "whole number"),
                new ServiceProblem.FieldError("startsOn", "required"));
        assertThat(read.values()).containsEntry("maxBreakEveryMinutes", "sixty");
    }
}
