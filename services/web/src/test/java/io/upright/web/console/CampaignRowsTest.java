package io.upright.web.console;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignRowsTest {

    private static final CampaignRows.Words WORDS = new CampaignRows.Words() {
        @Override
        public String required() {
            return "required";
        }

        @Override
        public String dateFormat() {
            return "a date";
        }

        @Override
        public String coverage(int submitted, int employees, int percent) {
            return submitted + " of " + employees + " (" + percent + " %)";
        }

        @Override
        public String coverageHidden() {
            return "not shown";
        }
    };

    private final UUID team = UUID.randomUUID();

    @Test
    void a_complete_form_is_a_request() {
        CampaignRows.Read read = CampaignRows.read(Map.of("teamId", List.of(team.toString()), "templateId", List.of("rosa"),
                "dueDate", List.of(" 2026-12-15 ")), WORDS);
        assertThat(read.sendable()).isTrue();
        assertThat(read.campaign()).isEqualTo(new CampaignApi.NewCampaign(team, "rosa", LocalDate.of(2026, 12, 15)));
    }

    @Test
    void missing_fields_and_a_non_date_are_named_at_their_fields() {
        CampaignRows.Read read = CampaignRows.read(Map.of("dueDate", List.of("next friday")), WORDS);
        assertThat(read.sendable()).isFalse();
        assertThat(read.errors()).containsExactly(new ServiceProblem.FieldError("teamId", "required"),
                new ServiceProblem.FieldError("templateId", "required"), new ServiceProblem.FieldError("dueDate", "a date"));
        assertThat(read.values()).containsEntry("dueDate", "next friday");
    }

    @Test
    void coverage_is_what_the_service_says_and_a_suppressed_one_is_words_only() {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        List<CampaignRows.Row> rows = CampaignRows.rows(List.of(
                new CampaignApi.Campaign(UUID.randomUUID(), team, "rosa", LocalDate.of(2026, 12, 15), started,
                        new CampaignApi.Coverage(12, 9, 75), false),
                new CampaignApi.Campaign(UUID.randomUUID(), team, "workstation-basics", LocalDate.of(2026, 12, 20), started,
                        null, true)), Map.of(team, "Finance"), Map.of("rosa", "ROSA"), WORDS);
        assertThat(rows).containsExactly(
                new CampaignRows.Row("Finance", "ROSA", "2026-12-15", "2026-12-01", "9 of 12 (75 %)", false),
                new CampaignRows.Row("Finance", "workstation-basics", "2026-12-20", "2026-12-01", "not shown", true));
        assertThat(rows.get(1).coverage()).doesNotContainPattern("[0-9]");
    }

    @Test
    void a_team_nobody_of_is_known_is_said_at_the_team() {
        ServiceProblem problem = CampaignRows.atFields(new ServiceProblem(404, "Not found", "No employee of this team", List.of()));
        assertThat(problem.fieldErrors()).containsExactly(new ServiceProblem.FieldError("teamId", "No employee of this team"));
    }
}
