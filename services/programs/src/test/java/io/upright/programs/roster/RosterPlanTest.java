package io.upright.programs.roster;

import io.upright.platform.domain.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RosterPlanTest {

    private static final String HEADER = "email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID FINANCE = UUID.randomUUID();

    /** A tenant with one team, Finance, and whoever is given. */
    private record Tenant(Map<String, RosterPlan.Known> byEmail) implements RosterPlan.Directory {
        @Override
        public UUID teamNamed(String name) {
            return name.equalsIgnoreCase("finance") ? FINANCE : null;
        }

        @Override
        public Optional<RosterPlan.Known> employee(String email) {
            return Optional.ofNullable(byEmail.get(email));
        }

        @Override
        public List<RosterPlan.Leaver> enrolledExcept(Set<String> emails) {
            return byEmail.entrySet().stream().filter(e -> !emails.contains(e.getKey()) && "enrolled".equals(e.getValue().status()))
                    .map(e -> new RosterPlan.Leaver(e.getValue().id(), e.getValue().teamId(), "Finance",
                            e.getValue().displayName(), e.getKey()))
                    .toList();
        }
    }

    private static RosterPlan.Report plan(String csv, Map<String, RosterPlan.Known> people) {
        return RosterPlan.plan(RosterCsv.parse(csv), new Tenant(people), NOW);
    }

    @Test
    void new_people_are_enrolled_and_a_team_the_tenant_lacks_is_created_once() {
        RosterPlan.Report report = plan(HEADER
                + "ada@example.com,Ada,Finance,Europe/Berlin,09:00,17:00,@ada,yes\n"
                + "bob@example.com,Bob,Support,UTC,08:00,16:00,,\n"
                + "cy@example.com,Cy,support,UTC,08:00,16:00,,false\n", Map.of());

        assertThat(report.valid()).isTrue();
        assertThat(report.rows()).extracting(RosterPlan.RowResult::line, RosterPlan.RowResult::action, RosterPlan.RowResult::createsTeam)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "enrol", false),
                        org.assertj.core.groups.Tuple.tuple(3, "enrol", true),
                        org.assertj.core.groups.Tuple.tuple(4, "enrol", false));
        assertThat(report.teams()).extracting(RosterPlan.TeamLine::name, RosterPlan.TeamLine::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Finance", "existing"),
                        org.assertj.core.groups.Tuple.tuple("Support", "create"));
        assertThat(report.summary().teamsToCreate()).isEqualTo(1);
        assertThat(report.summary().enrol()).isEqualTo(3);
    }

    @Test
    void every_bad_value_is_reported_at_its_row_and_column() {
        RosterPlan.Report report = plan(HEADER
                + "not-an-email,Ada,Finance,Europe/Berlin,09:00,17:00,,\n"
                + "bob@example.com,Bob,Finance,Mars/Olympus,09:00,17:00,,\n"
                + "cy@example.com,Cy,Finance,UTC,18:00,09:00,,\n"
                + "dee@example.com,,,UTC,9am,17:00,,maybe\n", Map.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.rows().get(0).errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(report.rows().get(1).errors()).extracting(FieldError::field).containsExactly("timeZone");
        assertThat(report.rows().get(2).errors()).extracting(FieldError::field).containsExactly("workdayEnd");
        assertThat(report.rows().get(3).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("standingDesk", "workdayStart", "displayName", "team");
        assertThat(report.allErrors()).extracting(FieldError::field).contains("lines[2].email", "lines[3].timeZone",
                "lines[4].workdayEnd", "lines[5].team");
        assertThat(report.summary().rowsWithErrors()).isEqualTo(4);
    }

    @Test
    void an_email_twice_in_the_file_is_an_error_at_the_second_row_whatever_its_case() {
        RosterPlan.Report report = plan(HEADER
                + "ada@example.com,Ada,Finance,UTC,09:00,17:00,,\n"
                + "ADA@example.com ,Ada L,Finance,UTC,09:00,17:00,,\n", Map.of());

        assertThat(report.rows().get(0).errors()).isEmpty();
        assertThat(report.rows().get(1).errors()).containsExactly(
                new FieldError("email", "appears twice in the file: first on line 2"));
    }

    @Test
    void someone_enrolled_is_unchanged_or_an_update_and_someone_absent_is_a_leaver() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cy = UUID.randomUUID();
        Map<String, RosterPlan.Known> people = Map.of(
                "ada@example.com", new RosterPlan.Known(ada, FINANCE, "enrolled", "Ada", "@ada", "UTC", "09:00", "17:00", true),
                "bob@example.com", new RosterPlan.Known(bob, FINANCE, "enrolled", "Bob", null, "UTC", "09:00", "17:00", false),
                "cy@example.com", new RosterPlan.Known(cy, FINANCE, "enrolled", "Cy", null, "UTC", "09:00", "17:00", false));

        RosterPlan.Report report = plan(HEADER
                + "ada@example.com,Ada,Finance,UTC,09:00,17:00,@ada,true\n"
                + "bob@example.com,Bob,Finance,Europe/Berlin,09:00,17:00,,\n", people);

        assertThat(report.rows().get(0).action()).isEqualTo("unchanged");
        assertThat(report.rows().get(0).employeeId()).isEqualTo(ada);
        assertThat(report.rows().get(1).action()).isEqualTo("update");
        assertThat(report.rows().get(1).changes()).containsExactly("timeZone");
        assertThat(report.leavers()).extracting(RosterPlan.Leaver::employeeId).containsExactly(cy);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void someone_who_left_cannot_be_enrolled_again_by_the_file() {
        RosterPlan.Report report = plan(HEADER + "ada@example.com,Ada,Finance,UTC,09:00,17:00,,\n",
                Map.of("ada@example.com", new RosterPlan.Known(UUID.randomUUID(), FINANCE, "left", "Ada", null, "UTC",
                        "09:00", "17:00", false)));

        assertThat(report.rows().get(0).errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(report.leavers()).isEmpty();
    }

    @Test
    void a_file_without_a_required_column_is_refused_as_a_whole() {
        RosterPlan.Report report = plan("email,displayName,team\nada@example.com,Ada,Finance\n", Map.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.rows()).isEmpty();
        assertThat(report.fileErrors()).extracting(FieldError::message)
                .anyMatch(m -> m.startsWith("misses the column timeZone"));
    }
}
