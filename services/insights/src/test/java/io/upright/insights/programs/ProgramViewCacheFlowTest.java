package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program view kept between changes ({@link ProgramViewCache}), on as in production: whatever this instance
 * writes shows on the next read, and only a change written behind the service's back waits for the maximum age.
 */
@QuarkusTest
@TestProfile(ProgramViewCacheFlowTest.ViewsKept.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ProgramViewCacheFlowTest {

    public static class ViewsKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upright.insights.program-view-max-age", "PT10M");
        }
    }

    private static final DevTokens TOKENS = DevTokens.forTests();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void an_event_consumed_here_shows_on_the_next_read_of_a_kept_view() {
        ProgramScenario s = new ProgramScenario("kept", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        ProgramInsightsFlowTest.program(hr, s.programId, 2); // publishes what is due: a change, so not kept
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("status")).isEqualTo("launched");

        s.publish(new ProgramPaused(s.programId, List.of(s.accounts, s.billing, s.courier), ProgramScenario.now()));
        s.awaitApplied(dataSource);

        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("status")).isEqualTo("paused");
    }

    @Test
    void a_raised_threshold_shows_on_the_next_read_of_a_kept_view() {
        ProgramScenario s = new ProgramScenario("kept-k", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        ProgramInsightsFlowTest.program(hr, s.programId, 2); // publishes what is due: a change, so not kept
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getInt("anonymityThreshold")).isEqualTo(5);

        Api.as(TOKENS.issue(s.tenant, "admin-1", "admin")).body("{\"anonymityThreshold\": 7}")
                .put("/api/insights/settings").then().statusCode(200);

        // weeks published before keep the verdict they were published with; the k in force is the new one
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getInt("anonymityThreshold")).isEqualTo(7);
    }

    @Test
    void a_row_changed_behind_the_services_back_is_not_seen_before_the_maximum_age_which_proves_the_view_was_kept() throws Exception {
        ProgramScenario s = new ProgramScenario("behind", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        ProgramInsightsFlowTest.program(hr, s.programId, 2); // publishes what is due: a change, so not kept
        String title = ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("title");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update insights_program set title = 'Renamed by hand' where tenant_id = ?")) {
            ps.setString(1, s.tenant);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("title")).isEqualTo(title);
        // another tenant's change does not reach this tenant's views either; this tenant's own change does
        new ProgramScenario("other", kafka).publishAll().awaitApplied(dataSource);
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("title")).isEqualTo(title);
        s.publish(new ProgramPaused(s.programId, List.of(s.accounts, s.billing, s.courier), ProgramScenario.now()));
        s.awaitApplied(dataSource);
        assertThat(ProgramInsightsFlowTest.program(hr, s.programId, 2).getString("title")).isEqualTo("Renamed by hand");
    }
}
