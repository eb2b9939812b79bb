package io.upright.assessments.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.assessments.AnswerSets;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class PersonalDataFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void an_erased_employee_s_answers_results_and_team_are_gone_and_a_colleague_s_stay() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID teamId = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        enrol(tenant, erased, teamId);
        enrol(tenant, colleague, teamId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from employee_team where tenant_id = ?", tenant) == 2);
        String erasedAssessment = submitWorkstationBasics(tenant, erased);
        submitWorkstationBasics(tenant, colleague);
        String idempotentResponses = "select count(*) from idempotency_key where tenant_id = ? and principal = ?";
        assertThat(count(idempotentResponses, tenant, erased.toString())).isPositive();
        assertThat(count("select count(*) from event_store where tenant_id = ? and stream_id = ?",
                tenant, UUID.fromString(erasedAssessment))).isPositive();

        ProgramsRecords erasure = new ProgramsRecords(tenant);
        TopicReader.send(kafka, erasure.erased(erased));
        TopicReader.send(kafka, erasure.erased(erased)); // redelivery is harmless

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from employee_team where tenant_id = ? and employee_id = ?", tenant, erased) == 0);
        assertThat(count("select count(*) from event_store where tenant_id = ? and stream_id = ?",
                tenant, UUID.fromString(erasedAssessment))).isZero();
        assertThat(count("select count(*) from assessment where tenant_id = ? and employee_id = ?", tenant, erased)).isZero();
        // the stored Idempotency-Key responses held the erased employee's assessment; a colleague's stay
        assertThat(count(idempotentResponses, tenant, erased.toString())).isZero();
        assertThat(count(idempotentResponses, tenant, colleague.toString())).isPositive();
        assertThat(count("select count(*) from event_store where tenant_id = ? and payload::text like ?",
                tenant, "%" + erased + "%")).isZero();
        Api.as(TOKENS.issue(tenant, erased.toString(), "employee"))
                .get("/api/me/assessments").then().statusCode(200).body("items", hasSize(0));
        Api.as(TOKENS.issue(tenant, colleague.toString(), "employee"))
                .get("/api/me/assessments").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void the_export_holds_every_assessment_with_its_answers_for_the_employee_or_an_admin_and_no_one_else() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID teamId = UUID.randomUUID();
        UUID employee = UUID.randomUUID();
        enrol(tenant, employee, teamId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from employee_team where tenant_id = ?", tenant) == 1);
        String assessment = submitWorkstationBasics(tenant, employee);
        String path = "/api/personal-data-exports/" + employee;

        Api.as(TOKENS.issue(tenant, employee.toString(), "employee")).get(path).then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("assessments"))
                .body("employeeId", org.hamcrest.Matchers.equalTo(employee.toString()))
                .body("data.teamId", org.hamcrest.Matchers.equalTo(teamId.toString()))
                .body("data.assessments", hasSize(1))
                .body("data.assessments[0].id", org.hamcrest.Matchers.equalTo(assessment))
                .body("data.assessments[0].answers.size()", org.hamcrest.Matchers.equalTo(AnswerSets.healthy().size()))
                .body("data.assessments[0].result.score", org.hamcrest.Matchers.notNullValue());
        // an admin on the employee's behalf never reads the answers, pain, red flags or scores; the document says so
        String onBehalf = Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("employeeId", org.hamcrest.Matchers.equalTo(employee.toString()))
                .body("data.teamId", org.hamcrest.Matchers.equalTo(teamId.toString()))
                .body("data.assessments", org.hamcrest.Matchers.nullValue())
                .body("data.withheld.fields", org.hamcrest.Matchers.hasItem("assessments"))
                .body("data.withheld.reason", org.hamcrest.Matchers.containsString("employee only"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(onBehalf).doesNotContain(assessment).doesNotContain("discomfortWhen")
                .doesNotContain("\"answers\"").doesNotContain("\"score\"").doesNotContain("findingCodes");
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).get(path).then().statusCode(403);
        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get(path).then().statusCode(403);
        Api.as(TOKENS.issue("other-" + tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("data.assessments", org.hamcrest.Matchers.nullValue()).body("data.teamId", org.hamcrest.Matchers.nullValue());
    }

    private void enrol(String tenant, UUID employeeId, UUID teamId) throws Exception {
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.EMPLOYEE_ENROLLED, employeeId.toString(),
                UUID.randomUUID().toString(), employeeId.toString(), tenant,
                new EmployeeEnrolled(employeeId, teamId, "Europe/Berlin", "09:00", "17:00", false, Instant.now())));
    }

    private String submitWorkstationBasics(String tenant, UUID employeeId) {
        String token = TOKENS.issue(tenant, employeeId.toString(), "employee");
        String location = Api.as(token)
                .header("Idempotency-Key", "start-" + employeeId)
                .body(Map.of("templateId", "workstation-basics"))
                .post("/api/assessments").then().statusCode(201).extract().header("Location");
        Api.as(token)
                .body(Map.of("answers", AnswerSets.healthy()))
                .put(location + "/answers").then().statusCode(200);
        Api.as(token).post(location + "/submission").then().statusCode(200);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** EmployeeErased records as the programs relay publishes them: one fixed event id, so a resend is a redelivery. */
    private record ProgramsRecords(String tenant, String eventId) {
        ProgramsRecords(String tenant) {
            this(tenant, UUID.randomUUID().toString());
        }

        org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> erased(UUID employeeId) {
            return CloudEventRecords.record(EventCatalog.EMPLOYEE_ERASED, employeeId.toString(), eventId,
                    employeeId.toString(), tenant, new EmployeeErased(employeeId, Instant.now()));
        }
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
