package io.upright.programs.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class EnrollmentFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    Inbox inbox;

    @Test
    void enrolling_an_employee_publishes_a_pseudonymous_employee_enrolled_event() throws Exception {
        String teamId = formTeam(hr, "Finance");
        String employeeId = Api.as(hr)
                .body(Map.of("displayName", "Ada Lovelace", "email", "ada@acme.example", "timeZone", "Europe/Berlin",
                        "workdayStart", "08:30", "workdayEnd", "17:00", "standingDesk", true))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(201).body("teamId", equalTo(teamId)).extract().path("id");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> employeeId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("upright.programs.employee-enrolled.v1");
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        String body = new String(record.value(), StandardCharsets.UTF_8);
        // whole values with characters base64 never has (a space, a dot): a short one could turn up in the ciphertext by chance
        assertThat(body).doesNotContain("Ada Lovelace").doesNotContain("acme.example");
        // team and hours travel sealed under the employee's topic key; a consumer opens them
        assertThat(body).doesNotContain(teamId).doesNotContain("Europe/Berlin");
        EmployeeEnrolled enrolled = (EmployeeEnrolled) inbox.decode(record).payload();
        assertThat(enrolled.teamId()).hasToString(teamId);
        assertThat(enrolled.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(enrolled.standingDesk()).isTrue();

        String employee = TOKENS.issue(tenant, employeeId, "employee");
        Api.as(employee).get("/api/me").then().statusCode(200).body("displayName", equalTo("Ada Lovelace"));
    }

    @Test
    void enrolling_an_employee_shares_their_contact_once_sealed_for_them_right_after_the_enrolment() throws Exception {
        String teamId = formTeam(hr, "Contact");
        // unique per run, so a hit in the raw bytes can only be this person's contact
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "rosa." + marker + "@acme.example";
        String handle = "@rosa" + marker;
        String employeeId = Api.as(hr)
                .body(Map.of("displayName", "Rosa Parks", "email", email, "chatHandle", handle, "timeZone", "UTC",
                        "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", teamId).then().statusCode(201).extract().path("id");
        String withoutHandle = enroll(teamId, "nohandle." + marker + "@acme.example");

        TopicReader.awaitRecords(kafka, "upright.programs", r -> withoutHandle.equals(r.key())
                && "upright.programs.employee-contact-shared.v1".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> mine = TopicReader.readAll(kafka, "upright.programs", Duration.ofSeconds(2))
                .stream().filter(r -> employeeId.equals(r.key())).toList();
        // same key, same transaction: the contact follows the enrolment, exactly once
        assertThat(mine).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("upright.programs.employee-enrolled.v1", "upright.programs.employee-contact-shared.v1");
        ConsumerRecord<String, byte[]> contact = mine.get(1);
        assertThat(TopicReader.header(contact, "ce_subject")).isEqualTo(employeeId);
        assertThat(TopicReader.header(contact, "ce_tenant")).isEqualTo(tenant);
        String body = new String(contact.value(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        assertThat(body).doesNotContain(marker).doesNotContain("acme.example");
        JsonNode envelope = new ObjectMapper().readTree(contact.value());
        assertThat(envelope.path("sealedFor").asText()).isEqualTo(employeeId);
        assertThat(envelope.path("sealed").asText()).startsWith("tk1:");

        EmployeeContactShared shared = (EmployeeContactShared) inbox.decode(contact).payload();
        assertThat(shared.employeeId()).hasToString(employeeId);
        assertThat(shared.email()).isEqualTo(email);
        assertThat(shared.chatHandle()).isEqualTo(handle);
        assertThat(shared.sharedAt()).isNotNull();

        ConsumerRecord<String, byte[]> noHandle = TopicReader.awaitRecord(kafka, "upright.programs", r -> withoutHandle.equals(r.key())
                && "upright.programs.employee-contact-shared.v1".equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        EmployeeContactShared sharedWithoutHandle = (EmployeeContactShared) inbox.decode(noHandle).payload();
        assertThat(sharedWithoutHandle.email()).isEqualTo("nohandle." + marker + "@acme.example");
        assertThat(sharedWithoutHandle.chatHandle()).isNull();
    }

    @Test
    void an_enrolment_retried_with_its_idempotency_key_enrolls_once() {
        String teamId = formTeam(hr, "Support");
        Map<String, Object> person = Map.of("displayName", "Lin", "email", "lin@acme.example", "timeZone", "Asia/Tokyo",
                "workdayStart", "09:00", "workdayEnd", "18:00");
        String first = Api.as(hr).header("Idempotency-Key", "enrol-lin")
                .body(person).post("/api/teams/{id}/employees", teamId).then().statusCode(201).extract().path("id");
        Api.as(hr).header("Idempotency-Key", "enrol-lin")
                .body(person).post("/api/teams/{id}/employees", teamId)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        Api.as(hr).get("/api/teams/{id}/employees", teamId).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void another_tenant_sees_neither_the_team_nor_its_employees() {
        String teamId = formTeam(hr, "Design");
        String employeeId = enroll(teamId, "grace@acme.example");
        String otherHr = TOKENS.issue("globex-" + UUID.randomUUID(), "hr-2", "hr");

        Api.as(otherHr).get("/api/teams/{id}", teamId).then().statusCode(404);
        Api.as(otherHr).get("/api/employees/{id}", employeeId).then().statusCode(404);
        Api.as(otherHr)
                .body(Map.of("displayName", "Mallory", "email", "m@globex.example", "timeZone", "UTC",
                        "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", teamId).then().statusCode(404);
        Api.as(otherHr).get("/api/teams").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void invalid_enrolment_names_every_offending_field() {
        String teamId = formTeam(hr, "Sales");
        Api.as(hr)
                .body(Map.of("displayName", "Bob", "email", "not-an-email", "timeZone", "Nowhere/City",
                        "workdayStart", "17:00", "workdayEnd", "09:00"))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("email"));
        Api.as(hr)
                .body(Map.of("displayName", "Bob", "email", "bob@acme.example", "timeZone", "Nowhere/City",
                        "workdayStart", "17:00", "workdayEnd", "09:00"))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(400).body("errors.field", hasItems("timeZone", "workdayEnd"));
    }

    @Test
    void a_nul_character_in_a_team_or_employee_name_is_a_400_naming_the_field_not_a_500() {
        Api.as(hr).body(Map.of("name", "Sa\u0000les"))
                .post("/api/teams").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name"));
        String teamId = formTeam(hr, "Nul-free");
        Api.as(hr)
                .body(Map.of("displayName", "Bo\u0000b", "email", "bob@acme.example", "timeZone", "UTC",
                        "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("displayName"));
    }

    @Test
    void someone_imported_with_history_is_enrolled_from_their_joining_day_and_a_future_one_is_a_400_naming_joined_on() throws Exception {
        String teamId = formTeam(hr, "Imports");
        String joinedOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusWeeks(6).toString();
        String employeeId = Api.as(hr)
                .body(Map.of("displayName", "Grace Hopper", "email", "grace@acme.example", "timeZone", "UTC",
                        "workdayStart", "09:00", "workdayEnd", "17:00", "joinedOn", joinedOn))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(201).body("enrolledAt", equalTo(joinedOn + "T00:00:00Z")).extract().path("id");
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> employeeId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(((EmployeeEnrolled) inbox.decode(record).payload()).enrolledAt()).hasToString(joinedOn + "T00:00:00Z");

        Api.as(hr).body(Map.of("displayName", "Later", "email", "later@acme.example", "timeZone", "UTC",
                        "workdayStart", "09:00", "workdayEnd", "17:00",
                        "joinedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/teams/{id}/employees", teamId)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("joinedOn"));
    }

    @Test
    void a_second_team_with_the_same_name_is_a_conflict_and_employees_cannot_form_teams() {
        formTeam(hr, "Legal");
        Api.as(hr).body(Map.of("name", "legal"))
                .post("/api/teams").then().statusCode(409).contentType("application/problem+json");
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee"))
                .body(Map.of("name", "Rogue"))
                .post("/api/teams").then().statusCode(403);
    }

    private String enroll(String teamId, String email) {
        return Api.as(hr)
                .body(Map.of("displayName", "Grace", "email", email, "timeZone", "America/New_York",
                        "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", teamId).then().statusCode(201).extract().path("id");
    }

    private static String formTeam(String token, String name) {
        return Api.as(token).body(Map.of("name", name))
                .post("/api/teams").then().statusCode(201).extract().path("id");
    }
}
