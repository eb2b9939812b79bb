package io.upright.programs.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    // launch day: a fixed Monday, so the phase days do not depend on when the test runs
    private static final LocalDate LAUNCH_DAY = LocalDate.parse("2026-03-02");
    private final AdjustableClock clock = AdjustableClock.atNoon(LAUNCH_DAY);

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void each_phase_starts_exactly_once_on_its_first_day_and_is_published_on_upright_programs() {
        String team = Api.as(hr).body(Map.of("name", "Finance"))
                .post("/api/teams").then().statusCode(201).extract().path("id");
        String id = Api.as(hr).body(ProgramLifecycleFlowTest.draftBody("Stand up, Finance", List.of(team)))
                .post("/api/programs").then().statusCode(201).extract().path("id");
        LocalDate startsOn = LAUNCH_DAY.plusDays(7);
        Api.as(hr).body(Map.of("startsOn", startsOn.toString()))
                .post("/api/programs/{id}/launch", id).then().statusCode(200)
                .body("currentPhase", nullValue()).body("nextPhaseOn", equalTo(startsOn.toString()));

        onDay(6);      // the day before: nothing
        Api.as(hr).get("/api/programs/{id}", id).then().body("currentPhase", nullValue());
        onDay(7);      // week 1 begins: phase 1
        onDay(7);      // the same day again: nothing new
        onDay(10);     // still week 1
        Api.as(hr).get("/api/programs/{id}", id).then().body("currentPhase", equalTo(1))
                .body("nextPhaseOn", equalTo(startsOn.plusDays(14).toString()));
        onDay(21);     // week 3 begins: phase 2
        onDay(40);
        Api.as(hr).get("/api/programs/{id}", id).then().body("currentPhase", equalTo(2))
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

    /** Moves the clock to noon of the given day after launch and runs one scheduler round there. */
    private void onDay(int daysAfterLaunch) {
        clock.set(AdjustableClock.atNoon(LAUNCH_DAY.plusDays(daysAfterLaunch)).instant());
        scheduler.round();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
