package io.upright.assessments.campaign;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Campaign coverage uses the tenant's own k: insights publishes {@code AnonymityThresholdChanged} on
 * {@code upright.insights} when the tenant's admin changes it, and a team of 6 that the service's k of 5 shows is
 * hidden once the tenant's k is 8, in that tenant only. The records go onto the real topic as insights' relay
 * sends them; a redelivery is applied once and a change older than the one kept never lowers k again.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class TenantThresholdFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final LocalDate TODAY = LocalDate.of(2030, 3, 12);
    private static final Instant CHANGED = Instant.parse("2030-03-11T08:00:00Z");

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(AdjustableClock.atNoon(TODAY), Clock.class);
    }

    @Test
    void a_team_of_six_shown_under_k_5_is_hidden_once_the_tenants_admin_sets_k_8_and_shown_again_at_k_5() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        String neighbour = "globex-" + UUID.randomUUID();
        String hr = TOKENS.issue(tenant, UUID.randomUUID().toString(), "hr");
        String neighbourHr = TOKENS.issue(neighbour, UUID.randomUUID().toString(), "hr");
        String campaign = "/api/assessment-campaigns/" + startCampaign(hr, enrol(tenant, 6));
        String neighbours = "/api/assessment-campaigns/" + startCampaign(neighbourHr, enrol(neighbour, 6));

        Api.as(hr).get(campaign).then().statusCode(200)
                .body("suppressed", equalTo(false)).body("coverage.employees", equalTo(6));

        // the tenant's admin raises k to 8 in insights; the record is delivered twice
        String raised = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, raised, new AnonymityThresholdChanged(8, 5, CHANGED)));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, raised, new AnonymityThresholdChanged(8, 5, CHANGED)));
        await().atMost(Duration.ofSeconds(30)).until(() -> threshold(tenant) == 8);

        String hidden = Api.as(hr).get(campaign).then().statusCode(200)
                .body("suppressed", equalTo(true)).body("coverage", nullValue()).extract().asString();
        assertThat(hidden).doesNotContain("\"employees\"");
        Api.as(hr).get("/api/assessment-campaigns").then().statusCode(200)
                .body("items[0].suppressed", equalTo(true)).body("items[0].coverage", nullValue());
        // another tenant keeps the service's k
        Api.as(neighbourHr).get(neighbours).then().statusCode(200)
                .body("suppressed", equalTo(false)).body("coverage.employees", equalTo(6));

        // a change made before the one kept, arriving late, does not lower k
        String stale = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, stale,
                new AnonymityThresholdChanged(5, 5, CHANGED.minus(Duration.ofHours(1)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(stale) == 1);
        assertThat(threshold(tenant)).isEqualTo(8);
        assertThat(inboxRows(raised)).as("the redelivery was applied once").isEqualTo(1);
        Api.as(hr).get(campaign).then().body("suppressed", equalTo(true));

        // the admin sets k back to 5: the team of 6 is shown again
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new AnonymityThresholdChanged(5, 8, CHANGED.plus(Duration.ofHours(1)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> threshold(tenant) == 5);
        Api.as(hr).get(campaign).then().statusCode(200)
                .body("suppressed", equalTo(false)).body("coverage.employees", equalTo(6)).body("coverage.submitted", equalTo(0));
    }

    /** Enrols {@code size} new employees in a new team through real records and waits until all are known. */
    private UUID enrol(String tenant, int size) {
        UUID team = UUID.randomUUID();
        for (int i = 0; i < size; i++) {
            TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                    new EmployeeEnrolled(UUID.randomUUID(), team, "Europe/Berlin", "09:00", "17:00", false, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from employee_team where tenant_id = ? and team_id = ?", tenant, team) == size);
        return team;
    }

    private static String startCampaign(String hr, UUID team) {
        return Api.as(hr).body(Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", TODAY.plusDays(7).toString()))
                .post("/api/assessment-campaigns").then().statusCode(201).extract().path("id");
    }

    private int threshold(String tenant) throws Exception {
        return count("select coalesce(max(threshold), 0) from tenant_anonymity_threshold where tenant_id = ?", tenant);
    }

    private int inboxRows(String eventId) throws Exception {
        return count("select count(*) from inbox where consumer = 'assessments' and source = 'urn:upright:insights' and event_id = ?",
                eventId);
    }

    private int count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
