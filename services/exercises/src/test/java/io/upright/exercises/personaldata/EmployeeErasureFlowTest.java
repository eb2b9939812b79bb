package io.upright.exercises.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.exercises.AssessmentRecords;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class EmployeeErasureFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    private final String tenant = "acme-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    private long storedEventsAbout(UUID employee) {
        return ((Number) em.createNativeQuery("select count(*) from event_store where tenant_id = ?1 "
                        + "and (stream_id = ?2 or payload ->> 'employeeId' = ?3)")
                .setParameter(1, tenant).setParameter(2, employee).setParameter(3, employee.toString())
                .getSingleResult()).longValue();
    }

    private long storedResultsAbout(UUID employee) {
        return ((Number) em.createNativeQuery("select count(*) from assessment_result where tenant_id = ?1 and employee_id = ?2")
                .setParameter(1, tenant).setParameter(2, employee).getSingleResult()).longValue();
    }

    private String employeeWithHistory(UUID employee) {
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, employee.toString(),
                UUID.randomUUID(), employee, List.of(PROLONGED_SITTING), false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(token).get("/api/me/recommendation").statusCode() == 200);
        Api.as(token).header("Idempotency-Key", "k-1")
                .body(Map.of("routineId", "walking-break", "minutes", 8, "feltRating", 4))
                .post("/api/me/exercise-sessions").then().statusCode(201);
        return token;
    }

    @Test
    void the_export_holds_my_recommendations_and_sessions_for_me_or_an_admin_only_and_nothing_once_erased() {
        UUID employee = UUID.randomUUID();
        String token = employeeWithHistory(employee);
        String path = "/api/personal-data-exports/" + employee;
        Api.as(token).get(path).then().statusCode(200)
                .body("service", equalTo("exercises")).body("employeeId", equalTo(employee.toString()))
                .body("data.recommendations.size()", equalTo(1))
                .body("data.recommendations[0].findingCodes", org.hamcrest.Matchers.hasItem(PROLONGED_SITTING))
                .body("data.sessions.size()", equalTo(1))
                .body("data.sessions[0].routineId", equalTo("walking-break"))
                .body("data.sessions[0].feltRating", equalTo(4));
        // an admin on the employee's behalf: the sessions' times and minutes, not what was recommended or how it felt
        String onBehalf = Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("employeeId", equalTo(employee.toString()))
                .body("data.recommendations", org.hamcrest.Matchers.nullValue())
                .body("data.sessions.size()", equalTo(1))
                .body("data.sessions[0].minutes", org.hamcrest.Matchers.notNullValue())
                .body("data.withheld.fields", org.hamcrest.Matchers.hasItems("recommendations", "feltRating", "routineId"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(onBehalf).doesNotContain(PROLONGED_SITTING).doesNotContain("walking-break")
                .doesNotContain("\"feltRating\":");
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).get(path).then().statusCode(403);
        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get(path).then().statusCode(403);

        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeErased(employee, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(token).get(path).then().extract().path("data.sessions.size()").equals(0));
        Api.as(token).get(path).then().body("data.recommendations.size()", equalTo(0));
    }

    @Test
    void an_erased_employee_loses_recommendation_and_sessions_while_colleagues_keep_theirs() {
        UUID erased = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        String erasedToken = employeeWithHistory(erased);
        String colleagueToken = employeeWithHistory(colleague);

        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeErased(erased, Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(erasedToken).get("/api/me/recommendation").statusCode() == 404);
        Api.as(erasedToken).get("/api/me/exercise-sessions").then().statusCode(200).body("total", equalTo(0));
        assertThat(storedEventsAbout(erased)).as("no recommendation or session event of theirs is left").isZero();
        assertThat(storedEventsAbout(colleague)).isEqualTo(2);
        assertThat(storedResultsAbout(erased)).as("their kept assessment results are gone").isZero();
        assertThat(storedResultsAbout(colleague)).isEqualTo(1);
        Api.as(colleagueToken).get("/api/me/recommendation").then().statusCode(200);
        Api.as(colleagueToken).get("/api/me/exercise-sessions").then().statusCode(200).body("total", equalTo(1));
        // the stored answer to the erased employee's idempotent POST went too: the same key logs afresh
        Api.as(erasedToken).header("Idempotency-Key", "k-1")
                .body(Map.of("routineId", "walking-break", "minutes", 8, "feltRating", 4))
                .post("/api/me/exercise-sessions").then().statusCode(201);
        Api.as(erasedToken).get("/api/me/exercise-sessions").then().body("total", equalTo(1));
    }
}
