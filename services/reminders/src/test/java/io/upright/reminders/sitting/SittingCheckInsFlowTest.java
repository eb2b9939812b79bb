package io.upright.reminders.sitting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asking for the sitting self-report through the reminder channels, on the real broker and database: the baseline at
 * enrolment, each check-in when it opens (four weeks after the program's start), the end when the program ends; once
 * per person and period however often the events come or the job runs; the same text for everyone and no answer
 * buttons (the answer is given in Upright, and a late one still counts there).
 */
@QuarkusTest
@TestProfile(SittingCheckInsFlowTest.SittingCheckInsOn.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class SittingCheckInsFlowTest {

    /** On here; off for the other flow tests, which count the reminders they are about. The job is called by hand. */
    public static class SittingCheckInsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upright.reminders.sitting-check-ins", "true", "upright.reminders.sitting-check-in-every", "PT24H");
        }
    }

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "sitting-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    SittingCheckIns checkIns;

    @Test
    void a_new_member_is_asked_for_their_baseline_once_with_the_same_text_as_everyone_and_no_answer_buttons() throws Exception {
        registerWebhook();
        UUID team = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EmployeeEnrolled enrolled = new EmployeeEnrolled(first, team, "Etc/UTC", "00:00", "23:59", false, Instant.now());
        send(enrolled);
        send(new EmployeeEnrolled(second, team, "Europe/Berlin", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> ask(first) != null && ask(second) != null);
        JsonNode ask = ask(first);
        assertThat(ask.path("kind").asText()).isEqualTo("sitting-check-in");
        assertThat(ask.path("message").asText()).startsWith("Sitting check-in:").contains("only you see your answers");
        assertThat(ask.path("message").asText()).isEqualTo(ask(second).path("message").asText());
        assertThat(ask.path("answerUrl").isNull()).isTrue();
        assertThat(ask.path("suggestionUrl").isNull()).isTrue();
        String id = ask.path("reminderId").asText();
        await().atMost(WAIT).until(() -> "sent".equals(queue().string("select status from due_reminder where id = ?::uuid", id)));
        // not a break: no reminders-topic event tells of it
        assertThat(queue().count("select count(*) from outbox where subject = ?", id)).isZero();

        // the enrolment again (a redelivery under a new event id), and the job: still one ask
        send(enrolled);
        checkIns.askDue();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> asks(first, "baseline") == 1);
    }

    @Test
    void each_check_in_is_asked_of_every_member_when_it_opens_and_the_end_when_the_program_ends() throws Exception {
        UUID team = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID outsider = UUID.randomUUID();
        // started 29 days ago: check-in-1 opened yesterday (28 days after the start)
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusDays(29);
        send(new ProgramLaunched(program, "Sit less", List.of(team), startsOn, List.of(new ProgramPhase(1, 1, 45, 60)), 20, 90, Instant.now()));
        for (UUID member : members) {
            send(new EmployeeEnrolled(member, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        }
        send(new EmployeeEnrolled(outsider, other, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ?", tenant) == 3
                && queue().count("select count(*) from program where tenant_id = ?", tenant) == 1);

        checkIns.askDue();
        checkIns.askDue();
        for (UUID member : members) {
            assertThat(asks(member, "check-in-1")).isEqualTo(1);
            assertThat(asks(member, "baseline")).isEqualTo(1);
            assertThat(asks(member, "check-in-2")).isZero();
        }
        assertThat(asks(outsider, "check-in-1")).as("not in the program").isZero();

        // the program ends: its people are asked for the end period, once (planned by their hours though it has ended)
        ProgramEnded ended = new ProgramEnded(program, List.of(team), Instant.now());
        send(ended);
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> asks(m, "end") == 1));
        send(ended);
        checkIns.askDue();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> members.stream().allMatch(m -> asks(m, "end") == 1));
    }

    @Test
    void a_program_between_check_ins_asks_nothing() throws Exception {
        UUID team = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        // 20 days after a check-in opened: past its two weeks of asking, the next one not open yet
        send(new ProgramLaunched(UUID.randomUUID(), "Sit less", List.of(team), LocalDate.now(ZoneOffset.UTC).minusDays(48),
                List.of(new ProgramPhase(1, 1, 45, 60)), 20, 90, Instant.now()));
        send(new EmployeeEnrolled(member, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> asks(member, "baseline") == 1);
        checkIns.askDue();
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'sitting-check-in'", member))
                .isEqualTo(1);
    }

    private long asks(UUID member, String period) {
        return queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'sitting-check-in' and dedupe_key = ?",
                member, member + "@sitting@" + period);
    }

    private JsonNode ask(UUID employee) {
        return receiver.all(r -> r.path().equals("/hooks/" + tenant) && r.body().contains(employee.toString())).stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(b -> b.path("type").asText().equals("sitting.check-in")).findFirst().orElse(null);
    }

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    private void registerWebhook() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    private void send(IntegrationEvent event) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), event));
    }
}
