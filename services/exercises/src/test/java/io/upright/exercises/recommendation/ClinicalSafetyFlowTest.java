package io.upright.exercises.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.assessments.Precautions;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_POSITION;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static io.upright.contracts.assessments.FindingCodes.ROSA_ACT_NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Issue 12 through the real broker and database: results of different methods combine, precautions keep
 * contraindicated routines away, and a clinician's clearance lifts the pause exactly once.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ClinicalSafetyFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final String RECOMMENDED = "upright.exercises.routine-recommended.v1";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String tenant = "acme-" + UUID.randomUUID();

    private ProducerRecord<String, byte[]> completed(UUID employee, UUID assessment, String method, List<String> findings,
                                                     boolean review, List<String> precautions, Instant at) {
        AssessmentCompleted event = new AssessmentCompleted(assessment, employee, null, method.toLowerCase(), 1, method,
                10, "HIGH", findings, review, at, precautions);
        return CloudEventRecords.record(EventCatalog.ASSESSMENT_COMPLETED, employee.toString(), UUID.randomUUID().toString(),
                assessment.toString(), tenant, event);
    }

    private List<JsonNode> recommendedFor(UUID employee, int atLeast) {
        Predicate<ConsumerRecord<String, byte[]>> mine =
                r -> employee.toString().equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type"));
        List<JsonNode> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            TopicReader.readAll(kafka, "upright.exercises", Duration.ofSeconds(1)).stream().filter(mine)
                    .map(r -> (JsonNode) mapper.valueToTree(inbox.decode(r).payload())).forEach(found::add);
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    @Test
    void a_rosa_check_adds_to_a_workstation_basics_routine_instead_of_replacing_it() {
        UUID employee = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        TopicReader.send(kafka, completed(employee, UUID.randomUUID(), "WORKSTATION_BASICS",
                List.of(HIP_FLEXOR_TIGHTNESS_RISK, PROLONGED_SITTING), false, List.of(), t));
        recommendedFor(employee, 1);
        TopicReader.send(kafka, completed(employee, UUID.randomUUID(), "ROSA", List.of(ROSA_ACT_NOW, MONITOR_POSITION),
                false, List.of(), t.plusSeconds(3600)));

        JsonNode second = recommendedFor(employee, 2).get(1);
        assertThat(second.get("routineId").asText()).as("the body-focused routine stays, not moved up by another method")
                .isEqualTo("hip-flexor-reset");
        assertThat(second.get("findingCodes")).extracting(JsonNode::asText)
                .contains(HIP_FLEXOR_TIGHTNESS_RISK, ROSA_ACT_NOW, MONITOR_POSITION);
        assertThat(second.get("microBreaks").size()).isBetween(2, 4);

        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).get("/api/me/recommendation")
                .then().statusCode(200)
                .body("routine.id", equalTo("hip-flexor-reset"))
                .body("message", not(containsString("nothing to fix")))
                .body("message", containsString("workstation"))
                .body("reasons.findingCode", hasItems(HIP_FLEXOR_TIGHTNESS_RISK, ROSA_ACT_NOW, MONITOR_POSITION))
                .body("reasons.find { it.findingCode == 'MONITOR_POSITION' }.workstationAction", containsString("eye level"));
    }

    @Test
    void precautions_keep_a_contraindicated_routine_and_micro_break_away() {
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, completed(employee, UUID.randomUUID(), "WORKSTATION_BASICS", List.of(LOW_BACK_DISCOMFORT),
                false, List.of(Precautions.STENOSIS_SYMPTOMS, Precautions.RECENT_SURGERY), Instant.now()));

        JsonNode body = recommendedFor(employee, 1).get(0);
        assertThat(body.get("routineId").asText()).isNotEqualTo("desk-day-lower-back");
        assertThat(body.get("microBreaks")).isNotEmpty().extracting(m -> m.get("exerciseId").asText())
                .doesNotContain("standing-hip-flexor-stretch", "standing-march");
        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).get("/api/me/recommendation")
                .then().statusCode(200)
                .body("routine.exercises.id", not(hasItems("standing-back-extension")))
                .body("message", containsString("instead of the Desk-day lower back routine"));
    }

    @Test
    void a_clearance_delivered_twice_lifts_the_pause_once_and_precautions_still_apply() {
        UUID employee = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        TopicReader.send(kafka, completed(employee, assessment, "WORKSTATION_BASICS",
                List.of(RED_FLAG_SEEK_CLINICIAN, LOW_BACK_DISCOMFORT), true, List.of(Precautions.STENOSIS_SYMPTOMS),
                Instant.now().minusSeconds(600)));
        JsonNode paused = recommendedFor(employee, 1).get(0);
        assertThat(paused.get("withheldForClinicalReview").asBoolean()).isTrue();
        assertThat(paused.get("microBreaks")).isEmpty();
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        given().auth().oauth2(token).get("/api/me/recommendation").then().statusCode(200)
                .body("message", containsString("once a clinician has cleared you"))
                .body("message", not(containsString("numbness")));

        UUID clearance = UUID.randomUUID();
        ClearedByClinician cleared = new ClearedByClinician(clearance, employee, assessment, LocalDate.now(),
                LocalDate.now().plusMonths(6), Instant.now());
        String ceId = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.CLEARED_BY_CLINICIAN, employee.toString(), ceId,
                clearance.toString(), tenant, cleared));
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.CLEARED_BY_CLINICIAN, employee.toString(), ceId,
                clearance.toString(), tenant, cleared));
        // the same clearance under another record id: the decider, not only the inbox, makes it count once
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.CLEARED_BY_CLINICIAN, employee.toString(),
                UUID.randomUUID().toString(), clearance.toString(), tenant, cleared));
        // a marker behind them on the same key: once it is answered, every clearance copy was handled
        TopicReader.send(kafka, completed(employee, UUID.randomUUID(), "ROSA", List.of(MONITOR_POSITION), false,
                List.of(), Instant.now()));

        List<JsonNode> all = recommendedFor(employee, 3);
        JsonNode lifted = all.get(1);
        assertThat(lifted.get("withheldForClinicalReview").asBoolean()).isFalse();
        assertThat(lifted.get("assessmentId").asText()).isEqualTo(assessment.toString());
        assertThat(lifted.get("routineId").asText()).as("stenosis still rules out back extension")
                .isEqualTo("desk-mobility-break");
        assertThat(all.get(2).get("findingCodes")).extracting(JsonNode::asText).contains(MONITOR_POSITION, LOW_BACK_DISCOMFORT);
        assertThat(recommendedFor(employee, 3)).as("one recommendation per distinct event, none for the copies").hasSize(3);

        given().auth().oauth2(token).get("/api/me/recommendation").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("withheldForClinicalReview", equalTo(false))
                .body("routine.id", equalTo("desk-mobility-break"));
    }
}
