package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: ask for a team's total over N weeks and over N − 1 weeks; the difference is the week dropped from the
 * window. When that week's own cell is hidden (2 people active), the difference must not give it away. Every total
 * is made of whole published weeks and is shown only when none of them is hidden.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class SlidingWindowDifferencingAttackFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final List<String> FIGURES = List.of("breaksTaken", "activeBreakMinutes", "remindersSent", "exerciseSessions");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void a_team_total_over_n_weeks_minus_the_one_over_n_minus_1_weeks_never_recovers_a_hidden_week() {
        ProgramScenario s = new ProgramScenario("sliding", kafka);
        Cohort cohort = new Cohort(s);
        // two early members alone in week −8 (hidden: 2 people), four more join in week −6; all six active from −5
        List<UUID> early = cohort.team(s.accounts, "Accounts", 2, s.thisMonday.minusWeeks(12));
        List<UUID> later = cohort.enroll(s.accounts, 4, s.thisMonday.minusWeeks(6));
        cohort.launch(List.of(s.accounts), s.thisMonday.minusWeeks(10));
        cohort.breaks(early, s.thisMonday.minusWeeks(8), 17);
        for (int back = 5; back >= 1; back--) {
            cohort.breaks(early, s.thisMonday.minusWeeks(back), 10);
            cohort.breaks(later, s.thisMonday.minusWeeks(back), 10);
        }
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        boolean shown = false;
        for (int n = 2; n <= 12; n++) {
            JsonPath wide = Cohort.program(hr, s.programId, "weeks=" + n);
            JsonPath narrow = Cohort.program(hr, s.programId, "weeks=" + (n - 1));
            List<String> weeks = wide.getList("weeks", String.class);
            assertThat(narrow.getList("weeks", String.class)).as("windows end with the same week").isEqualTo(
                    weeks.size() > n - 1 ? weeks.subList(1, weeks.size()) : weeks);
            if (weeks.size() < n) {
                continue;
            }
            for (String scope : List.of("team", "program")) {
                Map<String, Object> wideTotal = scope.equals("team") ? team(wide) : wide.getMap("overview");
                Map<String, Object> narrowTotal = scope.equals("team") ? team(narrow) : narrow.getMap("overview");
                if (Boolean.TRUE.equals(wideTotal.get("suppressed")) || Boolean.TRUE.equals(narrowTotal.get("suppressed"))) {
                    continue;
                }
                shown |= number(narrowTotal.get("breaksTaken")) > 0;
                // both shown: their difference is the dropped week, which must be shown itself, or have held nothing
                Map<String, Object> dropped = wide.getMap("trend[0].figures");
                for (String figure : FIGURES) {
                    long difference = number(wideTotal.get(figure)) - number(narrowTotal.get(figure));
                    if (Boolean.TRUE.equals(dropped.get("suppressed"))) {
                        assertThat(difference).as("%s %s, weeks=%d minus weeks=%d: a hidden week recovered", scope, figure, n, n - 1)
                                .isZero();
                    } else {
                        assertThat(difference).as("%s %s", scope, figure).isEqualTo(number(dropped.get(figure)));
                    }
                }
            }
        }
        // the premise: windows of whole shown weeks do show the team's and the program's totals
        assertThat(shown).as("some total over several weeks is shown").isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> team(JsonPath p) {
        return (Map<String, Object>) p.getMap("teams.find { it.teamName == 'Accounts' }").get("figures");
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
