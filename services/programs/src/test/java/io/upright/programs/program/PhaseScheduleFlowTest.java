package io.upright.programs.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class PhaseScheduleFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PhaseScheduler scheduler;

    @Test
    void each_phase_starts_exactly_once_on_its_first_day_and_is_published_on_upright_programs() {
        String team = given().auth().oauth2(hr).contentType("application/json").body(Map.of("name", "Finance"))
                .post("/api/teams").then().statusCode(201).extract().path("id");
        String id = given().auth().oauth2(hr).contentType("application/json")
                .body(ProgramLifecycleFlowTest.draftBody("Stand up, Finance", List.of(team)))
                .post("/api/programs").then().statusCode(201).extract().path("id");
        Instant now = Instant.now();
        LocalDate startsOn = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7);
        given().auth().oauth2(hr).contentType("application/json").body(Map.of("startsOn", startsOn.toString()))
                .post("/api/programs/{id}/launch", id).then().statusCode(200)
                .body("currentPhase", nullValue()).body("nextPhaseOn", equalTo(startsOn.toString()));

        scheduler.tick(now.plus(Duration.ofDays(6)));      // the day before: nothing
        given().auth().oauth2(hr).get("/api/programs/{id}", id).then().body("currentPhase", nullValue());
        scheduler.tick(now.plus(Duration.ofDays(7)));      // week 1 begins: phase 1
        scheduler.tick(now.plus(Duration.ofDays(7)));      // the same day again: nothing new
        scheduler.tick(now.plus(Duration.ofDays(10)));     // still week 1
        given().auth().oauth2(hr).get("/api/programs/{id}", id).then().body("currentPhase", equalTo(1))
                .body("nextPhaseOn", equalTo(startsOn.plusDays(14).toString()));
        scheduler.tick(now.plus(Duration.ofDays(21)));     // week 3 begins: phase 2
        scheduler.tick(now.plus(Duration.ofDays(40)));
        given().auth().oauth2(hr).get("/api/programs/{id}", id).then().body("currentPhase", equalTo(2))
                .body("nextPhaseOn", nullValue());

        List<ConsumerRecord<String, byte[]>> phases = TopicReader.awaitRecords(kafka, "upright.programs",
                r -> id.equals(r.key()) && "upright.programs.program-phase-started.v1".equals(TopicReader.header(r, "ce_type")),
                2, Duration.ofSeconds(30));
        assertThat(phases).extracting(r -> json(r).get("phaseNumber").asInt()).containsExactly(1, 2);
        assertThat(phases).extracting(r -> json(r).get("startedOn").asText())
                .containsExactly(startsOn.toString(), startsOn.plusDays(14).toString());
        assertThat(phases).extracting(r -> json(r).get("breakEveryMinutes").asInt()).containsExactly(45, 30);

        // nothing more for this program arrives: exactly once per phase
        List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(kafka, "upright.programs", Duration.ofSeconds(2));
        assertThat(all).filteredOn(r -> id.equals(r.key())).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("upright.programs.program-launched.v1", "upright.programs.program-phase-started.v1",
                        "upright.programs.program-phase-started.v1");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
