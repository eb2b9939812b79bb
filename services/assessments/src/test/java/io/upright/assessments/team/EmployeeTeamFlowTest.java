package io.upright.assessments.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.assessments.AnswerSets;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class EmployeeTeamFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;


    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void an_enrolment_delivered_twice_is_applied_once_and_its_team_goes_on_the_next_completed_assessment() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID employeeId = UUID.randomUUID();
        UUID teamId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String key = employeeId.toString();

        TopicReader.send(kafka, enrolled(tenant, eventId, key, employeeId, teamId));
        TopicReader.send(kafka, enrolled(tenant, eventId, key, employeeId, teamId));
        // a later record with the same key lands behind both copies on one partition
        UUID marker = UUID.randomUUID();
        TopicReader.send(kafka, enrolled(tenant, UUID.randomUUID().toString(), key, marker, teamId));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(tenant, marker) == 1);
        assertThat(rows(tenant, employeeId)).isEqualTo(1);
        assertThat(inboxEntries(eventId)).isEqualTo(1);

        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        String location = given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("templateId", "workstation-basics"))
                .post("/api/assessments").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answers", AnswerSets.healthy()))
                .put(location + "/answers").then().statusCode(200);
        given().auth().oauth2(employee).post(location + "/submission").then().statusCode(200);

        ConsumerRecord<String, byte[]> completed = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> key.equals(r.key()) && "upright.assessments.assessment-completed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(opened(completed).get("teamId").asText()).isEqualTo(teamId.toString());
        assertThat(opened(completed).get("riskLevel").asText()).isEqualTo("LOW");
    }

    @Test
    void a_record_that_is_not_a_cloud_event_is_dead_lettered() throws Exception {
        String subject = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = enrolled("acme", UUID.randomUUID().toString(), subject, UUID.randomUUID(), UUID.randomUUID());
        poison.headers().remove("ce_tenant");
        TopicReader.send(kafka, poison);

        TopicReader.awaitRecord(kafka, "upright.assessments.dlq",
                r -> subject.equals(TopicReader.header(r, "ce_subject")), Duration.ofSeconds(30));
    }

    /** An enrolment as the programs relay publishes it; {@code key} is both record key and subject. */
    private static ProducerRecord<String, byte[]> enrolled(String tenant, String eventId, String key, UUID employeeId, UUID teamId) {
        return CloudEventRecords.record(EventCatalog.EMPLOYEE_ENROLLED, key, eventId, key, tenant,
                new EmployeeEnrolled(employeeId, teamId, "Europe/Berlin", "09:00", "17:00", false, Instant.now()));
    }

    private int rows(String tenant, UUID employeeId) throws Exception {
        return count("select count(*) from employee_team where tenant_id = ? and employee_id = ?", tenant, employeeId);
    }

    private int inboxEntries(String eventId) throws Exception {
        return count("select count(*) from inbox where consumer = 'assessments' and event_id = ?", eventId);
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

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
