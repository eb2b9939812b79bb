package io.upright.programs.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.programs.program.ProgramLifecycleFlowTest;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.ErasedEmployeeEvent;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class PersonalDataFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    // unique per run, so a hit can only be this person's data
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "Zelda Quist" + marker;
    private final String email = "zelda." + marker + "@acme.example";
    private final String handle = "@zq" + marker;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Test
    void names_emails_and_handles_are_stored_sealed_in_the_event_store_and_the_read_model() throws Exception {
        String team = formTeam("Finance");
        String id = enroll(team, null);
        Api.as(hr).get("/api/employees/{id}", id).then().statusCode(200)
                .body("displayName", equalTo(name)).body("email", equalTo(email)).body("chatHandle", equalTo(handle))
                .body("status", equalTo("enrolled"));

        assertThat(tablesContaining(name, email, handle)).isEmpty();
        assertThat(rawText("select payload::text from event_store where tenant_id = ? and event_type = 'EmployeeJoined'"))
                .allSatisfy(payload -> assertThat(payload).containsPattern("\"displayName\":\\s*\"pd1:"));
        assertThat(rawText("select coalesce(display_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(chat_handle, '') "
                + "from employee where tenant_id = ?")).singleElement().asString().startsWith("pd1:");
    }

    @Test
    void erasing_myself_leaves_nothing_readable_in_any_programs_table_and_publishes_employee_erased_once() throws Exception {
        String team = formTeam("Finance");
        String id = enroll(team, "enrol-zelda");
        String program = Api.as(hr)
                .body(ProgramLifecycleFlowTest.draftBody("Stand up", List.of(team))).post("/api/programs")
                .then().statusCode(201).extract().path("id");
        Api.as(hr).body(Map.of("employeeId", id))
                .post("/api/programs/{p}/teams/{t}/champions", program, team).then().statusCode(200);
        String me = TOKENS.issue(tenant, id, "employee");

        Api.as(me).delete("/api/me/personal-data").then().statusCode(204);
        Api.as(me).delete("/api/me/personal-data").then().statusCode(204);

        Api.as(hr).get("/api/employees/{id}", id).then().statusCode(200)
                .body("status", equalTo("erased")).body("erasedAt", org.hamcrest.Matchers.notNullValue())
                .body("displayName", nullValue()).body("email", nullValue()).body("chatHandle", nullValue());
        Api.as(hr).get("/api/programs/{p}/teams/{t}/champions", program, team).then().statusCode(200)
                .body("[0].employeeId", equalTo(id)).body("[0].displayName", nullValue());
        assertThat(tablesContaining(name, email, handle)).isEmpty();
        assertThat(rawText("select subject_id::text from personal_data_key where tenant_id = ?")).isEmpty();
        // the same email can be enrolled again: the erased one's look-up hash is gone too
        enroll(team, null);

        List<ConsumerRecord<String, byte[]>> erased = TopicReader.awaitRecords(kafka, "upright.programs",
                r -> id.equals(r.key()) && "upright.programs.employee-erased.v1".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        assertThat(new String(erased.get(0).value(), StandardCharsets.UTF_8)).contains(id);
        List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(kafka, "upright.programs", Duration.ofSeconds(2));
        assertThat(all).filteredOn(r -> id.equals(r.key())).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("upright.programs.employee-enrolled.v1", "upright.programs.employee-contact-shared.v1",
                        "upright.programs.employee-erased.v1");
        assertThat(all).extracting(r -> new String(r.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .noneMatch(v -> v.contains(marker));
        // what is left is the id and the fact: no team, hours or dates in the store, and the enrolment and the
        // contact on the topic no longer open
        assertThat(rawText("select event_type from event_store where tenant_id = ? and stream_id = '" + id + "'"))
                .containsExactly("PersonalDataErased");
        assertThat(rawText("select coalesce(team_id::text, '') || coalesce(time_zone, '') || coalesce(workday_start, '') "
                + "|| coalesce(workday_end, '') || coalesce(enrolled_at::text, '') || coalesce(left_at::text, '') "
                + "from employee where tenant_id = ? and id = '" + id + "'")).containsExactly("");
        assertThat(all).filteredOn(r -> id.equals(r.key())
                        && "upright.programs.employee-enrolled.v1".equals(TopicReader.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(inbox.decode(r).payload()).isInstanceOf(ErasedEmployeeEvent.class));
        assertThat(all).filteredOn(r -> id.equals(r.key())
                        && "upright.programs.employee-contact-shared.v1".equals(TopicReader.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(inbox.decode(r).payload()).isInstanceOf(ErasedEmployeeEvent.class));
    }

    @Test
    void an_admin_erases_on_an_employees_behalf_and_the_export_then_holds_no_personal_fields() {
        String team = formTeam("Ops");
        String id = enroll(team, null);

        Api.as(hr).delete("/api/employees/{id}/personal-data", id).then().statusCode(403);
        Api.as(admin).delete("/api/employees/{id}/personal-data", id).then().statusCode(204);
        Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin"))
                .delete("/api/employees/{id}/personal-data", id).then().statusCode(404);

        Api.as(admin).get("/api/employees/{id}/data-export", id).then().statusCode(200)
                .body("programs.profile.status", equalTo("erased")).body("programs.profile.displayName", nullValue())
                .body("programs.enrolmentHistory.type", org.hamcrest.Matchers.contains("PersonalDataErased"))
                .body("programs.profile.teamId", nullValue()).body("programs.profile.timeZone", nullValue())
                .body("programs.profile.workdayStart", nullValue()).body("programs.profile.enrolledAt", nullValue())
                .body("programs.team", nullValue());
    }

    @Test
    void the_export_holds_profile_team_history_programs_and_champion_roles() {
        String team = formTeam("Research");
        String id = enroll(team, null);
        String program = Api.as(hr)
                .body(ProgramLifecycleFlowTest.draftBody("Stand up, Research", List.of(team))).post("/api/programs")
                .then().statusCode(201).extract().path("id");
        Api.as(hr).body(Map.of("employeeId", id))
                .post("/api/programs/{p}/teams/{t}/champions", program, team).then().statusCode(200);
        Api.as(admin).post("/api/employees/{id}/leave", id).then().statusCode(200).body("status", equalTo("left"));

        String me = TOKENS.issue(tenant, id, "employee");
        Api.as(me).get("/api/me/data-export").then().statusCode(200)
                .body("programs.service", equalTo("programs")).body("employeeId", equalTo(id)).body("services.size()", equalTo(0))
                .body("programs.profile.id", equalTo(id)).body("programs.profile.displayName", equalTo(name))
                .body("programs.profile.email", equalTo(email)).body("programs.profile.chatHandle", equalTo(handle))
                .body("programs.profile.status", equalTo("left"))
                .body("programs.team.id", equalTo(team)).body("programs.team.name", org.hamcrest.Matchers.startsWith("Research"))
                .body("programs.enrolmentHistory.type", org.hamcrest.Matchers.contains("EmployeeJoined", "LeftProgram"))
                .body("programs.enrolmentHistory[0].displayName", equalTo(name)).body("programs.enrolmentHistory[0].chatHandle", equalTo(handle))
                .body("programs.programs.id", hasItems(program)).body("programs.programs[0].title", equalTo("Stand up, Research"))
                .body("programs.championRoles[0].programId", equalTo(program)).body("programs.championRoles[0].teamId", equalTo(team))
                .body("programs.championRoles[0].programTitle", equalTo("Stand up, Research"));
        Api.as(hr).get("/api/employees/{id}/data-export", id).then().statusCode(403);
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).get("/api/me/data-export")
                .then().statusCode(404);
    }

    @Test
    void programs_part_is_served_on_the_platform_export_path_as_in_the_gathered_document() {
        String team = formTeam("Design");
        String id = enroll(team, null);
        String me = TOKENS.issue(tenant, id, "employee");

        Map<String, Object> section = new java.util.LinkedHashMap<>(
                Api.as(me).get("/api/me/data-export").then().statusCode(200).extract().jsonPath().getMap("programs"));
        assertThat(section).containsEntry("service", "programs").containsKey("exportedAt");
        section.remove("service");
        section.remove("exportedAt");

        Map<String, Object> part = Api.as(me).get("/api/personal-data-exports/{id}", id).then().statusCode(200)
                .body("service", equalTo("programs")).body("employeeId", equalTo(id))
                .extract().jsonPath().getMap("data");
        assertThat(part).isEqualTo(section);
        assertThat(part).containsOnlyKeys("profile", "team", "enrolmentHistory", "programs", "championRoles");

        Api.as(admin).get("/api/personal-data-exports/{id}", id).then().statusCode(200).body("data.profile.displayName", equalTo(name));
        Api.as(hr).get("/api/personal-data-exports/{id}", id).then().statusCode(403);
        Api.as(admin).get("/api/personal-data-exports/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void leaving_is_for_admins_publishes_employee_left_and_happens_once() {
        String team = formTeam("Legal");
        String id = enroll(team, null);

        Api.as(hr).post("/api/employees/{id}/leave", id).then().statusCode(403);
        Api.as(admin).post("/api/employees/{id}/leave", id).then().statusCode(200)
                .body("leftAt", org.hamcrest.Matchers.notNullValue());
        Api.as(admin).post("/api/employees/{id}/leave", id).then().statusCode(409);
        Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin"))
                .post("/api/employees/{id}/leave", id).then().statusCode(404);

        ConsumerRecord<String, byte[]> left = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> id.equals(r.key()) && "upright.programs.employee-left.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        // the team travels sealed for the employee: readable by consumers, not on the topic
        assertThat(new String(left.value(), StandardCharsets.UTF_8)).doesNotContain(team);
        assertThat(((io.upright.contracts.programs.EmployeeLeft) inbox.decode(left).payload()).teamId()).hasToString(team);
    }

    private String enroll(String team, String idempotencyKey) {
        var request = Api.as(hr);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Map.of("displayName", name, "email", email, "chatHandle", handle, "timeZone", "Europe/Berlin",
                        "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", team).then().statusCode(201).extract().path("id");
    }

    private String formTeam(String teamName) {
        return Api.as(hr).body(Map.of("name", teamName + " " + UUID.randomUUID()))
                .post("/api/teams").then().statusCode(201).extract().path("id");
    }

    /** Every table of the programs database whose rows, cast to text, contain any needle (case-insensitive). */
    private List<String> tablesContaining(String... needles) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("event_store", "outbox", "employee", "idempotency_key", "personal_data_key");
            for (String table : tables) {
                for (String needle : needles) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "select count(*) from \"" + table + "\" t where position(? in lower(t::text)) > 0")) {
                        ps.setString(1, needle.toLowerCase(Locale.ROOT));
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                hits.add(table + " contains " + needle);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private List<String> rawText(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
