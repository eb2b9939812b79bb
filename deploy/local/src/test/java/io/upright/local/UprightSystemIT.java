package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.UprightService;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin slice end to end, against the five packaged services running as separate processes on a real
 * Kafka broker and a real PostgreSQL, driven over HTTP only.
 */
class UprightSystemIT {

    private static final String TENANT = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private static PackagedStack packaged;
    private static LocalStack stack;
    private static WebhookInbox inbox;

    @BeforeAll
    static void startEverything() throws Exception {
        packaged = PackagedStack.start("e2e", Duration.ofSeconds(20));
        stack = packaged.stack;
        inbox = packaged.inbox;
    }

    @AfterAll
    static void stopEverything() {
        if (packaged != null) {
            packaged.close();
        }
    }

    @Test
    void every_service_exposes_health_openapi_and_swagger_ui() {
        for (String service : stack.serviceNames()) {
            Api anonymous = new Api(stack.baseUrl(service), "none");
            assertThat(anonymous.status("/q/health")).as(service + " health").isEqualTo(200);
            assertThat(anonymous.status("/q/openapi")).as(service + " openapi").isEqualTo(200);
            assertThat(anonymous.status("/q/swagger-ui/")).as(service + " swagger ui").isEqualTo(200);
        }
    }

    /**
     * Issue 18, logs: the packaged services (the prod profile) write one JSON object per line, Quarkus' start line
     * among them, and no line in the plain-text format of dev and test.
     */
    @Test
    void the_packaged_services_log_json_lines() throws Exception {
        for (String service : stack.serviceNames()) {
            java.nio.file.Path log = packaged.home().resolve("logs").resolve(service + ".log");
            List<String> lines = java.nio.file.Files.readAllLines(log);
            List<JsonNode> json = new ArrayList<>();
            for (String line : lines) {
                assertThat(line).as(service + " log line in the text format").doesNotMatch("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:.*");
                if (line.startsWith("{")) {
                    json.add(Api.JSON.readTree(line));
                }
            }
            assertThat(json).as(service + " JSON lines").anySatisfy(line -> {
                assertThat(line.path("message").asText()).contains("started in");
                assertThat(line.has("mdc")).isTrue();
            });
        }
    }

    @Test
    void an_enrolled_employee_is_assessed_recommended_reminded_and_counted_in_the_team_summary() {
        DevTokens tokens = stack.tokens();
        ensureWebhook(tokens);

        // programs: one team big enough to be shown to HR and two that are not; together the small ones hold
        // k people, so no complementary suppression hides Alpha
        Api hrPrograms = api("programs", tokens.issue(TENANT, "hr-1", "hr"));
        String alpha = hrPrograms.post("/api/teams", Map.of("name", "Alpha")).path("id").asText();
        String beta = hrPrograms.post("/api/teams", Map.of("name", "Beta")).path("id").asText();
        String gamma = hrPrograms.post("/api/teams", Map.of("name", "Gamma")).path("id").asText();
        List<String> alphaPeople = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alphaPeople.add(enroll(hrPrograms, alpha, "alpha" + i));
        }
        enroll(hrPrograms, beta, "beta0");
        enroll(hrPrograms, beta, "beta1");
        for (int i = 0; i < 3; i++) {
            enroll(hrPrograms, gamma, "gamma" + i);
        }
        String ada = alphaPeople.get(0);

        // assessments: Ada assesses her desk
        Api adaAssessments = api("assessments", tokens.issue(TENANT, ada, "employee"));
        String assessment = adaAssessments.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
        adaAssessments.put("/api/assessments/" + assessment + "/answers", Map.of("answers", riskyDesk()));
        JsonNode result = adaAssessments.post("/api/assessments/" + assessment + "/submission", Map.of());
        assertThat(result.toString()).contains("PROLONGED_SITTING").contains("MONITOR_TOO_LOW");

        // exercises: a routine is recommended from her findings, with reasons
        Api adaExercises = api("exercises", tokens.issue(TENANT, ada, "employee"));
        await().atMost(Duration.ofSeconds(60)).until(() -> adaExercises.status("/api/me/recommendation") == 200);
        JsonNode recommendation = adaExercises.get("/api/me/recommendation");
        assertThat(recommendation.toString()).contains("routine").contains("MONITOR_TOO_LOW");
        String routineId = adaExercises.get("/api/routines").path("items").path(0).path("id").asText();
        adaExercises.post("/api/me/exercise-sessions", Map.of("routineId", routineId, "minutes", 7, "feltRating", 4));

        // reminders: a signed reminder reaches the webhook; Ada answers Done
        // (her first delivery may be the ask for her sitting baseline, a nudge with nothing to answer)
        await().atMost(Duration.ofSeconds(90)).until(() -> inbox.deliveries().stream()
                .anyMatch(d -> ada.equals(d.body().path("employeeId").asText()) && "break.reminder".equals(d.body().path("type").asText())));
        WebhookInbox.Delivery delivery = inbox.deliveries().stream()
                .filter(d -> ada.equals(d.body().path("employeeId").asText()) && "break.reminder".equals(d.body().path("type").asText()))
                .findFirst().orElseThrow();
        assertThat(delivery.signatureValid()).as("Standard Webhooks signature verifies").isTrue();
        Api adaReminders = api("reminders", tokens.issue(TENANT, ada, "employee"));
        String reminderId = delivery.body().path("reminderId").asText();
        // the engine records the delivery once the webhook has answered 2xx, so an answer sent the instant the
        // webhook receives the reminder may be early: until then it is refused as not delivered yet, never lost
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e instanceof Api.ApiException refused
                        && refused.status() == 409 && refused.getMessage().contains("not been delivered yet"))
                .until(() -> adaReminders.post("/api/me/reminders/" + reminderId + "/answer",
                        Map.of("answer", "done", "activity", "walk", "activeMinutes", 5)) != null);
        assertThat(adaReminders.get("/api/me/reminders/" + reminderId).path("answer").asText()).isEqualTo("done");

        // insights: nothing live reaches HR; a team's figures appear once its week has closed and been published
        Api hrInsights = api("insights", tokens.issue(TENANT, "hr-1", "hr"));
        assertThat(stack.awaitConsumed("insights", TOPICS, Duration.ofSeconds(60))).isTrue();
        for (String name : List.of("Alpha", "Beta")) {
            JsonNode row = team(hrInsights.get("/api/insights/teams"), name);
            assertThat(row.path("suppressed").asBoolean()).as(name).isTrue();
            assertThat(row.path("enrolled").isNull() || row.path("enrolled").isMissingNode()).as(name).isTrue();
            assertThat(row.path("breaksTaken").isNull() || row.path("breaksTaken").isMissingNode()).as(name).isTrue();
        }

        everyRecordIsAValidCloudEvent();
    }

    @Test
    void a_person_s_export_gathers_every_service_and_erasure_leaves_nothing_readable_in_any_database_or_topic() throws Exception {
        DevTokens tokens = stack.tokens();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Zyxwv " + marker;
        String email = "erin." + marker + "@" + TENANT + ".example";
        String handle = "@erin-" + marker;
        Api hrPrograms = api("programs", tokens.issue(TENANT, "hr-1", "hr"));
        String team = hrPrograms.post("/api/teams", Map.of("name", "Delta " + marker)).path("id").asText();
        ObjectNode person = Api.JSON.createObjectNode().put("displayName", name).put("email", email)
                .put("chatHandle", handle).put("timeZone", "Europe/Berlin")
                .put("workdayStart", "08:00").put("workdayEnd", "16:30").put("standingDesk", true);
        String erin = hrPrograms.post("/api/teams/" + team + "/employees", person).path("id").asText();

        // Erin leaves traces in every service: an assessment, a session, a schedule, insight facts
        Api erinAssessments = api("assessments", tokens.issue(TENANT, erin, "employee"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api("assessments", tokens.issue(TENANT, "admin-1", "admin")).get("/api/personal-data-exports/" + erin)
                        .path("data").path("teamId").asText().equals(team));
        String assessment = erinAssessments.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
        erinAssessments.put("/api/assessments/" + assessment + "/answers", Map.of("answers", riskyDesk()));
        erinAssessments.post("/api/assessments/" + assessment + "/submission", Map.of());
        Api erinExercises = api("exercises", tokens.issue(TENANT, erin, "employee"));
        String routineId = erinExercises.get("/api/routines").path("items").path(0).path("id").asText();
        erinExercises.post("/api/me/exercise-sessions", Map.of("routineId", routineId, "minutes", 6, "feltRating", 4));

        Api erinPrograms = api("programs", tokens.issue(TENANT, erin, "employee"));
        JsonNode export = erinPrograms.get("/api/me/data-export");
        assertThat(export.path("employeeId").asText()).isEqualTo(erin);
        assertThat(export.at("/programs/profile/displayName").asText()).isEqualTo(name);
        assertThat(export.at("/programs/profile/email").asText()).isEqualTo(email);
        assertThat(export.at("/programs/profile/chatHandle").asText()).isEqualTo(handle);
        Set<String> parts = new HashSet<>();
        export.path("services").fieldNames().forEachRemaining(parts::add);
        assertThat(parts).containsExactlyInAnyOrder("assessments", "exercises", "reminders", "insights");
        for (String part : parts) {
            assertThat(export.at("/services/" + part + "/employeeId").asText()).as(part).isEqualTo(erin);
        }
        assertThat(export.at("/services/assessments/data/assessments")).hasSize(1);
        assertThat(export.at("/services/assessments/data/assessments/0/answers/hoursSittingPerDay").asInt()).isEqualTo(9);
        assertThat(export.at("/services/exercises/data").toString()).contains(routineId);
        assertThat(api("programs", tokens.issue(TENANT, "hr-1", "hr")).status("/api/employees/" + erin + "/data-export"))
                .as("HR never exports a person").isEqualTo(403);

        Api adminPrograms = api("programs", tokens.issue(TENANT, "admin-1", "admin"));
        // attack 5: an admin exporting on Erin's behalf gathers every part, but none of her health data
        JsonNode onBehalf = adminPrograms.get("/api/employees/" + erin + "/data-export");
        assertThat(onBehalf.at("/services/assessments/data/assessments").isMissingNode()).isTrue();
        assertThat(onBehalf.at("/services/assessments/data/withheld/fields").toString()).contains("assessments");
        assertThat(onBehalf.toString()).doesNotContain("hoursSittingPerDay").doesNotContain("findingCodes")
                .doesNotContain("feltRating\":").doesNotContain(routineId);
        assertThat(adminPrograms.delete("/api/employees/" + erin + "/personal-data")).isEqualTo(204);

        // every service forgets what it derived once EmployeeErased reaches it
        Api adminAssessments = api("assessments", tokens.issue(TENANT, "admin-1", "admin"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                adminAssessments.get("/api/personal-data-exports/" + erin).path("data").path("assessments").isEmpty());
        JsonNode afterwards = adminPrograms.get("/api/employees/" + erin + "/data-export");
        assertThat(afterwards.at("/programs/profile/displayName").isNull()).isTrue();
        assertThat(afterwards.toString()).doesNotContain(name).doesNotContain(email).doesNotContain(handle);

        for (String service : stack.serviceNames()) {
            assertThat(rowsMentioning(service, List.of(name, email, handle)))
                    .as("rows in the " + service + " database that still show Erin's name, email or handle").isEmpty();
        }
        for (UprightService service : UprightService.values()) {
            for (String topic : List.of(service.topic(), service.deadLetterTopic())) {
                for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(stack.kafkaBootstrapServers(), topic, Duration.ofSeconds(2))) {
                    String text = new String(record.value() == null ? new byte[0] : record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(text).as(topic).doesNotContain(name).doesNotContain(email).doesNotContain(handle);
                    if (erin.equals(record.key()) && record.value() != null) {
                        // attack 7: no topic or dead-letter topic keeps a readable health or workday field of Erin's
                        JsonNode body = Api.JSON.readTree(record.value());
                        List<String> fields = new ArrayList<>();
                        body.fieldNames().forEachRemaining(fields::add);
                        assertThat(fields).as(topic + " " + TopicReader.header(record, "ce_type") + " readable fields")
                                .doesNotContainAnyElementsOf(HEALTH_AND_WORKDAY_FIELDS);
                        assertThat(text).as(topic).doesNotContain(team).doesNotContain("Europe/Berlin");
                    }
                }
            }
        }
        // and the sealed ones can never be opened again: the key is gone from the vault the services share
        assertThat(vaultKeyOf(erin)).as("Erin's topic key after erasure").isEqualTo("destroyed");
    }

    /** Fields that say something about a person's health or workday; on a topic they may only travel sealed. */
    private static final List<String> HEALTH_AND_WORKDAY_FIELDS = List.of("score", "riskLevel", "findingCodes",
            "clinicalReview", "method", "routineId", "routineTitle", "withheldForClinicalReview", "durationMinutes",
            "feltRating", "activity", "teamId", "timeZone", "workdayStart", "workdayEnd", "standingDesk");

    /** "live", "destroyed" or "none": the state of an employee's key in the shared key vault. */
    private static String vaultKeyOf(String employee) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(stack.jdbcUrl(LocalStack.VAULT_DATABASE), "postgres", "");
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "select wrapped_key is null from vault.topic_key where tenant_id = ? and employee_id = ?::uuid")) {
            ps.setString(1, TENANT);
            ps.setString(2, employee);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return !rs.next() ? "none" : rs.getBoolean(1) ? "destroyed" : "live";
            }
        }
    }

    @Test
    void the_employer_webhook_reads_the_same_for_someone_paused_for_clinical_review_as_for_someone_with_a_routine() {
        // attack 5 across the packaged services: the tenant's webhook receiver must not tell them apart
        DevTokens tokens = stack.tokens();
        ensureWebhook(tokens);
        Api hrPrograms = api("programs", tokens.issue(TENANT, "hr-1", "hr"));
        String team = hrPrograms.post("/api/teams", Map.of("name", "Epsilon")).path("id").asText();
        String withRoutine = enroll(hrPrograms, team, "eps-routine");
        String paused = enroll(hrPrograms, team, "eps-paused");
        Map<String, Object> redFlag = new LinkedHashMap<>(riskyDesk());
        redFlag.put("legNumbnessOrTingling", true);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api("assessments", tokens.issue(TENANT, "admin-1", "admin")).get("/api/personal-data-exports/" + paused)
                        .path("data").path("teamId").asText().equals(team));
        assess(tokens, withRoutine, riskyDesk());
        assess(tokens, paused, redFlag);

        // the next reminder each of them gets after the services have learnt the outcome
        String routineReminder = awaitReminderSuggesting(tokens, withRoutine, "micro-break");
        String pausedReminder = awaitReminderSuggesting(tokens, paused, "exercises-paused");
        JsonNode routineBody = delivered(routineReminder);
        JsonNode pausedBody = delivered(pausedReminder);

        assertThat(masked(pausedBody)).isEqualTo(masked(routineBody));
        assertThat(pausedBody.toString().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("clinic").doesNotContain("paused").doesNotContain("routine");
        // the personal part is theirs alone
        assertThat(api("reminders", tokens.issue(TENANT, withRoutine, "employee")).status("/api/me/reminders/" + pausedReminder))
                .isEqualTo(404);
    }

    @Test
    void one_person_s_reassessment_changes_nothing_hr_can_read() {
        // attack 2 across the packaged services: read before and after one person acts, and compare
        DevTokens tokens = stack.tokens();
        Api hrPrograms = api("programs", tokens.issue(TENANT, "hr-1", "hr"));
        String team = hrPrograms.post("/api/teams", Map.of("name", "Zeta")).path("id").asText();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(enroll(hrPrograms, team, "zeta" + i));
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Zeta stands up");
        draft.put("teamIds", List.of(team));
        draft.put("minBreakEveryMinutes", 20);
        draft.put("maxBreakEveryMinutes", 90);
        draft.put("phases", List.of(Map.of("startWeek", 1, "breakEveryMinutes", 60, "dailyActiveMinutesTarget", 120)));
        String program = hrPrograms.post("/api/programs", draft).path("id").asText();
        hrPrograms.post("/api/programs/" + program + "/launch",
                Map.of("startsOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY).toString()));
        String last = people.get(people.size() - 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api("assessments", tokens.issue(TENANT, "admin-1", "admin")).get("/api/personal-data-exports/" + last)
                        .path("data").path("teamId").asText().equals(team));
        for (String person : people) {
            assess(tokens, person, riskyDesk());
        }
        Api hrInsights = api("insights", tokens.issue(TENANT, "hr-1", "hr"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !hrInsights.get("/api/insights/programs/" + program).path("risk").path("suppressed").asBoolean(true));
        assertThat(stack.awaitConsumed("insights", TOPICS, Duration.ofSeconds(60))).isTrue();
        List<JsonNode> before = List.of(hrInsights.get("/api/insights/programs/" + program),
                hrInsights.get("/api/insights/teams"), hrInsights.get("/api/insights/overview"));

        assess(tokens, people.get(0), healthyDesk());
        // the re-assessment is published (outbox) and consumed (insights) before the second read
        assertThat(stack.awaitConsumed("insights", TOPICS, Duration.ofSeconds(60))).isTrue();
        List<JsonNode> after = List.of(hrInsights.get("/api/insights/programs/" + program),
                hrInsights.get("/api/insights/teams"), hrInsights.get("/api/insights/overview"));

        assertThat(after).as("what HR reads after one person re-assessed").isEqualTo(before);
    }

    private static final List<String> TOPICS = List.of(UprightService.PROGRAMS.topic(), UprightService.ASSESSMENTS.topic(),
            UprightService.EXERCISES.topic(), UprightService.REMINDERS.topic());

    private static Map<String, Object> healthyDesk() {
        Map<String, Object> a = DeskAnswers.goodDesk();
        a.put("hoursSittingPerDay", 4);
        return a;
    }

    /** The tenant's webhook, registered once whichever test runs first. */
    private static synchronized void ensureWebhook(DevTokens tokens) {
        Api admin = api("reminders", tokens.issue(TENANT, "admin-1", "admin"));
        if (admin.get("/api/webhook-endpoints").path("items").isEmpty()) {
            inbox.trust(admin.post("/api/webhook-endpoints", Map.of("url", inbox.url())).path("secret").asText());
        }
    }

    private static void assess(DevTokens tokens, String employee, Map<String, Object> answers) {
        Api me = api("assessments", tokens.issue(TENANT, employee, "employee"));
        String assessment = me.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
        me.put("/api/assessments/" + assessment + "/answers", Map.of("answers", answers));
        me.post("/api/assessments/" + assessment + "/submission", Map.of());
    }

    /** The id of a break reminder delivered to the employee whose personal suggestion is of {@code type}. */
    private static String awaitReminderSuggesting(DevTokens tokens, String employee, String type) {
        Api me = api("reminders", tokens.issue(TENANT, employee, "employee"));
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            for (WebhookInbox.Delivery d : inbox.deliveries()) {
                if (employee.equals(d.body().path("employeeId").asText()) && "break".equals(d.body().path("kind").asText())
                        && type.equals(me.get("/api/me/reminders/" + d.body().path("reminderId").asText())
                        .path("suggestion").path("type").asText())) {
                    found[0] = d.body().path("reminderId").asText();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static JsonNode delivered(String reminderId) {
        return inbox.deliveries().stream().filter(d -> reminderId.equals(d.body().path("reminderId").asText()))
                .findFirst().orElseThrow().body();
    }

    /** The body without what differs for everyone (ids, times, links): what is left must not differ at all. */
    private static JsonNode masked(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        for (String field : List.of("reminderId", "employeeId", "slot", "answerUrl", "suggestionUrl")) {
            if (copy.has(field)) {
                copy.put(field, "*");
            }
        }
        return copy;
    }

    /** Every row of every table in a service's database whose text form contains one of the needles. */
    private static List<String> rowsMentioning(String service, List<String> needles) throws java.sql.SQLException {
        List<String> found = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                for (String needle : needles) {
                    try (java.sql.PreparedStatement ps = c.prepareStatement(
                            "select t::text from \"" + table + "\" t where strpos(t::text, ?) > 0 limit 1")) {
                        ps.setString(1, needle);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                found.add(table + ": " + rs.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private void everyRecordIsAValidCloudEvent() {
        Set<String> typesSeen = new HashSet<>();
        // ce_type -> record key -> ce_traceparent
        Map<String, Map<String, String>> traces = new java.util.HashMap<>();
        // what the services really publish is what docs/asyncapi.yaml says they publish
        AsyncApiConformance asyncApi = AsyncApiConformance.of(
                java.nio.file.Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize());
        for (UprightService service : List.of(UprightService.PROGRAMS, UprightService.ASSESSMENTS,
                UprightService.EXERCISES, UprightService.REMINDERS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.readAll(stack.kafkaBootstrapServers(), service.topic(), Duration.ofSeconds(2));
            assertThat(records).as(service.topic()).isNotEmpty();
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = TopicReader.header(record, "ce_type");
                EventType<?> eventType = EventCatalog.byCeType(type).orElseThrow(() -> new AssertionError("unknown ce_type " + type));
                assertThat(eventType.owner()).isEqualTo(service);
                assertThat(UUID.fromString(TopicReader.header(record, "ce_id"))).isNotNull();
                assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(TopicReader.header(record, "ce_source")).isEqualTo(service.source());
                assertThat(TopicReader.header(record, "ce_subject")).isNotBlank();
                assertThat(Instant.parse(TopicReader.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(5));
                assertThat(TopicReader.header(record, "ce_tenant")).isNotBlank();
                assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
                assertThat(record.key()).isNotBlank();
                if (io.upright.contracts.SealedForEmployee.class.isAssignableFrom(eventType.javaType())) {
                    // about one employee's health or workday: on the topic only whose key sealed it, and the sealed bytes
                    JsonNode body = readJson(record.value());
                    List<String> fields = new ArrayList<>();
                    body.fieldNames().forEachRemaining(fields::add);
                    assertThat(fields).as(type + " body fields").containsExactlyInAnyOrder("sealedFor", "sealed");
                    assertThat(body.path("sealedFor").asText()).isEqualTo(record.key());
                    assertThat(body.path("sealed").asText()).startsWith("tk1:");
                } else {
                    matchesSchema(type, record.value());
                }
                assertThat(asyncApi.check(record)).isEqualTo(type);
                String traceparent = TopicReader.header(record, "ce_traceparent");
                if (traceparent != null) {
                    traces.computeIfAbsent(type, t -> new java.util.HashMap<>()).put(record.key(), traceparent);
                }
                typesSeen.add(type);
            }
        }
        oneTraceRunsFromTheAssessmentToTheRoutineItCauses(traces);
        assertThat(typesSeen).contains(EventCatalog.EMPLOYEE_ENROLLED.ceType(), EventCatalog.ASSESSMENT_COMPLETED.ceType(),
                EventCatalog.ROUTINE_RECOMMENDED.ceType(), EventCatalog.BREAK_REMINDER_SENT.ceType(),
                EventCatalog.BREAK_TAKEN.ceType(), EventCatalog.EXERCISE_SESSION_COMPLETED.ceType());
    }

    /**
     * Issue 18, traces across Kafka: the assessment an employee submits over HTTP (assessments) and the routine that
     * exercises recommends when it consumes it are one trace, the routine's event written in a span of its own.
     */
    private static void oneTraceRunsFromTheAssessmentToTheRoutineItCauses(Map<String, Map<String, String>> traces) {
        Map<String, String> assessed = traces.getOrDefault(EventCatalog.ASSESSMENT_COMPLETED.ceType(), Map.of());
        Map<String, String> recommended = traces.getOrDefault(EventCatalog.ROUTINE_RECOMMENDED.ceType(), Map.of());
        assertThat(assessed).as("assessments traced").isNotEmpty();
        assertThat(recommended).as("recommendations traced").isNotEmpty();
        List<String> continued = new ArrayList<>();
        recommended.forEach((employee, routine) -> {
            String assessment = assessed.get(employee);
            if (assessment != null && assessment.split("-")[1].equals(routine.split("-")[1])) {
                assertThat(routine.split("-")[2]).as("the routine's own span").isNotEqualTo(assessment.split("-")[2]);
                continued.add(employee);
            }
        });
        assertThat(continued).as("routines recommended in the trace of the assessment that caused them").isNotEmpty();
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return Api.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The body has exactly the schema's properties, each required one present. */
    private static void matchesSchema(String type, byte[] body) {
        try (InputStream in = UprightSystemIT.class.getResourceAsStream("/schemas/" + type + ".json")) {
            JsonNode schema = Api.JSON.readTree(in);
            JsonNode json = Api.JSON.readTree(body);
            Set<String> expected = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(expected::add);
            Set<String> actual = new HashSet<>();
            json.fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(type + " body fields").isEqualTo(expected);
            for (JsonNode required : schema.get("required")) {
                JsonNode value = json.get(required.asText());
                JsonNode declared = schema.get("properties").get(required.asText()).get("type");
                boolean nullable = declared.isArray() && declared.toString().contains("null");
                assertThat(value.isNull() && !nullable).as(type + "." + required.asText() + " is required").isFalse();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode team(JsonNode page, String name) {
        for (JsonNode item : page.path("items")) {
            if (name.equals(item.path("teamName").asText())) {
                return item;
            }
        }
        return null;
    }

    private static String enroll(Api programs, String team, String handle) {
        ObjectNode person = Api.JSON.createObjectNode().put("displayName", "Person " + handle)
                .put("email", handle + "@" + TENANT + ".example").put("timeZone", "UTC")
                .put("workdayStart", "00:00").put("workdayEnd", "23:59").put("standingDesk", false);
        return programs.post("/api/teams/" + team + "/employees", person).path("id").asText();
    }

    /** The shared risky desk, with the screen below eye level too. */
    private static Map<String, Object> riskyDesk() {
        Map<String, Object> a = DeskAnswers.riskyDesk();
        a.put("screenAtEyeLevel", false);
        return a;
    }

    private static Api api(String service, String token) {
        return new Api(stack.baseUrl(service), token);
    }
}
