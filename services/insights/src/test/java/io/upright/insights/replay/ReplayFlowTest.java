package io.upright.insights.replay;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.SealedForEmployee;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.assessments.SittingReported;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.insights.programs.ProgramScenario;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.crypto.TopicKeys;
import io.upright.platform.outbox.SealedPayload;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.platform.coordination.OneAtATime;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ReplayFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    OneAtATime oneAtATime;

    @Inject
    DataSource dataSource;

    @Inject
    TopicKeys topicKeys;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        // the current ISO week is the scenario's, whatever day the test runs on
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void replaying_the_topics_from_the_beginning_rebuilds_exactly_the_live_figures() throws Exception {
        ProgramScenario s = new ProgramScenario("replay", kafka).publishAll();
        s.awaitApplied(dataSource);
        s.publish(new ProgramPaused(s.programId, List.of(s.accounts, s.billing, s.courier), ProgramScenario.now()));
        s.publish(new EmployeeErased(s.a.get(0), ProgramScenario.now()));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String operator = TOKENS.issue(s.tenant, "op-1", "operator");
        String liveProgram = program(hr, s);
        String liveTeams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString();
        String liveOverview = Api.as(hr).get("/api/insights/overview").then().statusCode(200).extract().asString();
        List<String> liveAggregates = aggregates();
        assertThat(new JsonPath(liveProgram).getString("status")).isEqualTo("paused");

        JsonPath report = Api.as(operator).post("/api/operator/insights/replay")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getLong("recordsRead")).isGreaterThanOrEqualTo(s.published());
        assertThat(report.getLong("eventsApplied")).isGreaterThanOrEqualTo(s.published());
        assertThat(report.getLong("recordsPerTopic.'upright.programs'")).isPositive();
        assertThat(program(hr, s)).isEqualTo(liveProgram);
        assertThat(Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString()).isEqualTo(liveTeams);
        assertThat(Api.as(hr).get("/api/insights/overview").then().statusCode(200).extract().asString()).isEqualTo(liveOverview);
        // every tenant's read models, row for row
        assertThat(aggregates()).isEqualTo(liveAggregates);
    }

    @Test
    void while_another_instance_replays_a_replay_here_is_409() {
        // another instance's replay: the same lock, taken on a session of its own
        try (OneAtATime.Held elsewhere = oneAtATime.tryAcquire(Replayer.LOCK).orElseThrow()) {
            Api.as(TOKENS.issue("tenant-" + UUID.randomUUID(), "op-1", "operator")).post("/api/operator/insights/replay")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("another instance"));
        }
    }

    @Test
    void only_an_operator_may_replay_and_the_old_admin_path_refuses_everyone() {
        String tenant = "replay-roles-" + UUID.randomUUID();
        Api.as(TOKENS.issue(tenant, "admin-1", "admin")).post("/api/operator/insights/replay").then().statusCode(403);
        Api.as(TOKENS.issue(tenant, "admin-1", "admin")).post("/api/insights/replay").then().statusCode(403);
        Api.as(TOKENS.issue(tenant, "op-1", "operator")).post("/api/insights/replay").then().statusCode(403);
        Api.as(TOKENS.issue(tenant, "op-1", "operator")).queryParam("tenant", " ").post("/api/operator/insights/replay")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("tenant"));
    }

    @Test
    void a_plain_fact_arriving_after_its_employees_erasure_counts_for_the_team_and_a_sealed_one_is_gone_live_as_on_a_replay() throws Exception {
        // these records are published as plain JSON, as before sealing existed: a replay still reads them, and the
        // erasure must leave the same rows whether they came before it or after
        ProgramScenario s = new ProgramScenario("late", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        UUID erased = s.a.get(0);
        s.publish(new EmployeeErased(erased, ProgramScenario.now()));
        s.awaitApplied(dataSource);
        // the exercises and reminders topics are behind the programs topic: these reach insights after the erasure
        String lateSession = s.publish(new ExerciseSessionCompleted(UUID.randomUUID(), erased, "hip-flexor-release", null,
                12, 4, ProgramScenario.at(s.lastMonday.plusDays(3), 9)));
        String lateSkip = s.publish(new BreakSkipped(UUID.randomUUID(), erased, ProgramScenario.at(s.lastMonday.plusDays(3), 10)));
        s.awaitApplied(dataSource);

        // the skip (plain) counts for Accounts without identity; the session (sealed: a replay cannot read it once the
        // key is gone) is not kept, like a1's session before the erasure; nothing stays under the erased id
        assertThat(identityFreeTeam(s.tenant, lateSkip)).isEqualTo(s.accounts.toString());
        assertThat(count("select count(*) from insights_fact where tenant_id = ? and event_id = ?", s.tenant, lateSession)).isZero();
        assertThat(count("select count(*) from insights_fact where tenant_id = ? and employee_id = ?", s.tenant, erased)).isZero();
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        // the two latest published weeks, the last of them last week (published now, from the live tables)
        JsonPath live = Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=2").then().statusCode(200).extract().jsonPath();
        // last week: a3's skip and the late one; no session (a1's and the late one were sealed); a1 is no longer a
        // member, so 5 of the 5 left are active
        assertThat(live.getLong("trend[1].figures.exerciseSessions")).isZero();
        assertThat(live.getLong("trend[1].figures.exerciseMinutes")).isZero();
        assertThat(live.getLong("trend[1].figures.breaksSkipped")).isEqualTo(2);
        assertThat(live.getLong("trend[1].figures.active")).isEqualTo(5);
        List<String> liveRows = readModelRows(s.tenant);

        Api.as(TOKENS.issue(s.tenant, "op-1", "operator")).post("/api/operator/insights/replay").then().statusCode(200);

        assertThat(readModelRows(s.tenant)).isEqualTo(liveRows);
        assertThat(identityFreeTeam(s.tenant, lateSkip)).isEqualTo(s.accounts.toString());
    }

    /**
     * The chaos harness' comparison, for one erasure: the person's sealed records (sealed as the owning services' outboxes
     * seal them) turn unreadable with their key, their plain records stay readable, and live consumption ends in
     * exactly the rows a replay rebuilds, in every table the replay rebuilds, late records included.
     */
    @Test
    void after_an_erasure_every_read_model_row_is_the_same_live_and_after_a_replay() throws Exception {
        ProgramScenario s = new ProgramScenario("erasure-equal", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        Instant before = ProgramScenario.at(s.thisMonday.minusWeeks(4), 8);
        UUID e = UUID.randomUUID();
        s.publish(new EmployeeEnrolled(e, s.accounts, "Pacific/Auckland", "09:00", "17:00", false, before), sealedIn(s.tenant));
        UUID assessment = UUID.randomUUID();
        s.publish(new AssessmentStarted(assessment, e, "workstation-basics", 1, ProgramScenario.at(s.lastMonday, 8)));
        s.publish(new AssessmentCompleted(assessment, e, s.accounts, "workstation-basics", 1, "WORKSTATION_BASICS", 6,
                "MODERATE", List.of("MONITOR_TOO_LOW"), false, ProgramScenario.at(s.lastMonday, 9)), sealedIn(s.tenant));
        s.publish(new RoutineRecommended(UUID.randomUUID(), e, assessment, "desk-reset", "Desk reset", 10,
                List.of("MONITOR_TOO_LOW"), false, ProgramScenario.at(s.lastMonday, 9)), sealedIn(s.tenant));
        s.publish(new ExerciseSessionCompleted(UUID.randomUUID(), e, "desk-reset", null, 10, 4,
                ProgramScenario.at(s.lastMonday.plusDays(1), 9)), sealedIn(s.tenant));
        UUID reminder = UUID.randomUUID();
        s.publish(new BreakReminderSent(reminder, e, ProgramScenario.at(s.lastMonday.plusDays(2), 9), "break", "slack",
                ProgramScenario.at(s.lastMonday.plusDays(2), 9)));
        s.publish(new BreakTaken(reminder, e, "walk", 7, null, ProgramScenario.at(s.lastMonday.plusDays(2), 9).plusSeconds(120)), sealedIn(s.tenant));
        // sitting reports (sealed): the erased person's go with the erasure; someone else's stay, a correction and a
        // late older record included, identically on a replay
        s.publish(new SittingReported(e, s.accounts, "baseline", "ospaq-2012", 480, 300, 120, 60, 0, 5,
                ProgramScenario.at(s.lastMonday, 10)), sealedIn(s.tenant));
        UUID stays = s.a.get(1);
        s.publish(new SittingReported(stays, s.accounts, "baseline", "ospaq-2012", 480, 320, 100, 60, 0, 5,
                ProgramScenario.at(s.lastMonday, 10)), sealedIn(s.tenant));
        s.publish(new SittingReported(stays, s.accounts, "check-in-1", "ospaq-2012", 480, 280, 140, 60, 0, 5,
                ProgramScenario.at(s.lastMonday, 12)), sealedIn(s.tenant));
        s.publish(new SittingReported(stays, s.accounts, "check-in-1", "ospaq-2012", 480, 400, 20, 60, 0, 5,
                ProgramScenario.at(s.lastMonday, 11)), sealedIn(s.tenant));
        s.publish(new BreakSkipped(UUID.randomUUID(), e, ProgramScenario.at(s.thisMonday, 10)));
        s.publish(new BreakSnoozed(UUID.randomUUID(), e, ProgramScenario.at(s.thisMonday, 11), ProgramScenario.at(s.thisMonday, 10)));
        s.publish(new ReminderExpired(UUID.randomUUID(), e, ProgramScenario.at(s.thisMonday, 12), ProgramScenario.at(s.thisMonday, 13)));
        s.publish(new ReminderDeliveryFailed(UUID.randomUUID(), e, "slack", "channel gone", ProgramScenario.at(s.thisMonday, 14)));
        s.awaitApplied(dataSource);
        assertThat(count("select count(*) from insights_member where tenant_id = ? and employee_id = ?", s.tenant, e)).isEqualTo(1);
        assertThat(count("select count(*) from insights_latest_assessment where tenant_id = ? and employee_id = ?", s.tenant, e)).isEqualTo(1);
        assertThat(count("select count(*) from insights_sitting_report where tenant_id = ? and employee_id = ?", s.tenant, e)).isEqualTo(1);

        // programs destroys the key, then publishes the erasure with the team the person was in; erasedAt is not the
        // time it is consumed, so a tombstone written with the consumer's now() would differ from the event's
        topicKeys.shred(s.tenant, e);
        Instant erasedAt = ProgramScenario.now().minusSeconds(3600);
        s.publish(new EmployeeErased(e, erasedAt));
        s.awaitApplied(dataSource);
        // late, on topics behind upright.programs: a plain skip, a plain reminder, and a break sealed after the key is
        // gone (so under a throw-away key: it never opens)
        String lateSkip = s.publish(new BreakSkipped(UUID.randomUUID(), e, ProgramScenario.at(s.thisMonday.plusDays(1), 10)));
        String lateReminder = s.publish(new BreakReminderSent(UUID.randomUUID(), e, ProgramScenario.at(s.thisMonday.plusDays(1), 11),
                "break", "slack", ProgramScenario.at(s.thisMonday.plusDays(1), 11)));
        String lateBreak = s.publish(new BreakTaken(UUID.randomUUID(), e, "walk", 9, null,
                ProgramScenario.at(s.thisMonday.plusDays(1), 12)), sealedIn(s.tenant));
        s.awaitApplied(dataSource);

        // live: nothing under the id, no row under a random id, the plain facts identity-free for Accounts, the sealed
        // ones gone, and a tombstone holding only what the event said
        for (String table : List.of("insights_member", "insights_employee_activity", "insights_latest_assessment", "insights_fact",
                "insights_sitting_report")) {
            assertThat(count("select count(*) from " + table + " where tenant_id = ? and employee_id = ?", s.tenant, e)).as(table).isZero();
        }
        assertThat(count("select count(*) from insights_member where tenant_id = ?", s.tenant)).isEqualTo(13);
        assertThat(count("select count(*) from insights_sitting_report where tenant_id = ? and employee_id = ? and period = 'check-in-1' "
                + "and sitting_minutes = 280", s.tenant, stays)).isEqualTo(1);
        assertThat(count("select count(*) from insights_employee_activity a where tenant_id = ? and not exists "
                + "(select 1 from insights_member m where m.tenant_id = a.tenant_id and m.employee_id = a.employee_id)", s.tenant)).isZero();
        assertThat(count("select count(*) from insights_latest_assessment a where tenant_id = ? and not exists "
                + "(select 1 from insights_member m where m.tenant_id = a.tenant_id and m.employee_id = a.employee_id)", s.tenant)).isZero();
        assertThat(identityFreeKinds(s.tenant)).containsExactly(
                "assessment-started|" + s.accounts, "break-skipped|" + s.accounts, "break-skipped|" + s.accounts,
                "break-snoozed|" + s.accounts, "delivery-failed|" + s.accounts, "reminder-expired|" + s.accounts,
                "reminder-sent|" + s.accounts, "reminder-sent|" + s.accounts);
        assertThat(identityFreeTeam(s.tenant, lateSkip)).isEqualTo(s.accounts.toString());
        assertThat(count("select count(*) from insights_fact where tenant_id = ? and event_id = ?", s.tenant, lateBreak)).isZero();
        assertThat(count("select count(*) from inbox where consumer = 'insights' and event_id = ?", lateReminder)).isEqualTo(1);
        assertThat(count("select count(*) from insights_erased_employee where tenant_id = ? and employee_id = ? and team_id = ? "
                + "and erased_at = ?", s.tenant, e, s.accounts, java.sql.Timestamp.from(erasedAt))).isEqualTo(1);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String liveProgram = program(hr, s);
        List<String> liveRows = readModelRows(s.tenant);

        JsonPath report = Api.as(TOKENS.issue(s.tenant, "op-1", "operator")).post("/api/operator/insights/replay")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getLong("eventsApplied")).isGreaterThanOrEqualTo(s.published());
        assertThat(readModelRows(s.tenant)).isEqualTo(liveRows);
        assertThat(program(hr, s)).isEqualTo(liveProgram);
    }

    @Test
    void dashboards_answer_with_the_old_figures_and_live_records_are_applied_once_while_a_replay_builds() throws Exception {
        ProgramScenario s = new ProgramScenario("during", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String programBefore = program(hr, s);
        String teamsBefore = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Replayer.beforeSwap = () -> {
            building.countDown();
            awaitQuietly(release);
        };
        String operator = TOKENS.issue(s.tenant, "op-1", "operator");
        CompletableFuture<JsonPath> replay = CompletableFuture.supplyAsync(() -> Api.as(operator)
                .post("/api/operator/insights/replay").then().statusCode(200).extract().jsonPath());
        try {
            assertThat(building.await(120, TimeUnit.SECONDS)).isTrue();

            // the replay has built its tables and not swapped them in: reads answer at once from the old rows
            assertThat(program(hr, s)).isEqualTo(programBefore);
            assertThat(Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString()).isEqualTo(teamsBefore);
            Api.as(hr).get("/api/insights/overview").then().statusCode(200);
            // and a record published now is consumed live, not held up by the replay
            String during = s.publish(new BreakTaken(UUID.randomUUID(), s.b.get(1), "walk", 7, null,
                    ProgramScenario.at(s.thisMonday.plusDays(1), 10)));
            s.awaitApplied(dataSource);
            assertThat(count("select count(*) from insights_fact where tenant_id = ? and event_id = ?", s.tenant, during)).isEqualTo(1);
            List<String> liveAggregates = aggregates();

            release.countDown();
            JsonPath report = replay.get(120, TimeUnit.SECONDS);

            // the record applied live during the build is in the swapped-in tables exactly once, and so is its inbox row
            assertThat(report.getLong("appliedAfterSnapshot")).isPositive();
            assertThat(count("select count(*) from insights_fact where tenant_id = ? and event_id = ?", s.tenant, during)).isEqualTo(1);
            assertThat(count("select count(*) from inbox where consumer = 'insights' and event_id = ?", during)).isEqualTo(1);
            assertThat(aggregates()).isEqualTo(liveAggregates);
            assertThat(count("select count(*) from information_schema.schemata where schema_name like 'insights_rebuild_%'")).isZero();
        } finally {
            release.countDown();
            Replayer.beforeSwap = () -> {
            };
        }
    }

    @Test
    void a_one_tenant_replay_rebuilds_only_that_tenant_and_leaves_other_tenants_rows_untouched() throws Exception {
        ProgramScenario mine = new ProgramScenario("mine", kafka).publishAll();
        ProgramScenario theirs = new ProgramScenario("theirs", kafka).publishAll();
        mine.awaitApplied(dataSource);
        theirs.awaitApplied(dataSource);
        List<String> mineLive = aggregatesOf(mine.tenant);
        // damage both tenants' rows behind the service's back: the replay repairs one tenant's and leaves the other's
        String damage = "update insights_team set name = 'damaged' where tenant_id = ?";
        update(damage, mine.tenant);
        update(damage, theirs.tenant);
        update("delete from insights_fact where tenant_id = ? and kind = 'break-taken'", mine.tenant);
        List<String> theirsBefore = aggregatesOf(theirs.tenant);
        long theirInbox = count("select count(*) from inbox where consumer = 'insights' and tenant_id = ?", theirs.tenant);

        JsonPath report = Api.as(TOKENS.issue(mine.tenant, "op-1", "operator"))
                .post("/api/operator/insights/replay?tenant=" + mine.tenant).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("tenant")).isEqualTo(mine.tenant);
        assertThat(report.getLong("otherTenantsSkipped")).isGreaterThanOrEqualTo(theirs.published());
        assertThat(aggregatesOf(mine.tenant)).isEqualTo(mineLive);
        assertThat(aggregatesOf(theirs.tenant)).isEqualTo(theirsBefore);
        assertThat(count("select count(*) from insights_team where tenant_id = ? and name = 'damaged'", theirs.tenant)).isEqualTo(3);
        assertThat(count("select count(*) from inbox where consumer = 'insights' and tenant_id = ?", theirs.tenant)).isEqualTo(theirInbox);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sealed event's body as the outbox writes it: sealed under the employee's key from the vault. */
    private Function<IntegrationEvent, byte[]> sealedIn(String tenant) {
        return event -> {
            SealedForEmployee about = (SealedForEmployee) event;
            String sealed = topicKeys.seal(tenant, about.employeeId(), EventCatalog.of(event).ceType(),
                    CloudEventRecords.json(event));
            return CloudEventRecords.json(new SealedPayload(about.employeeId(), sealed));
        };
    }

    /**
     * Every row of every table a replay rebuilds ({@link Replayer#READ_MODELS}) of one tenant, as text, sorted: nothing
     * left out, so a row under a random id or a differing column shows up.
     */
    private List<String> readModelRows(String tenant) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : Replayer.READ_MODELS) {
                try (PreparedStatement ps = c.prepareStatement("select t::text from " + table + " t where tenant_id = ? order by 1")) {
                    ps.setString(1, tenant);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(table + " " + rs.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private List<String> identityFreeKinds(String tenant) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select kind || '|' || coalesce(team_id::text, '') from insights_fact "
                     + "where tenant_id = ? and employee_id is null order by 1")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    private String identityFreeTeam(String tenant, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select team_id from insights_fact where tenant_id = ? and event_id = ? and employee_id is null")) {
            ps.setString(1, tenant);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, String tenant) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.executeUpdate();
        }
    }

    /** One tenant's rows of every read-model table (the aggregates below, keeping only that tenant's lines). */
    private List<String> aggregatesOf(String tenant) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String row : aggregates()) {
            if (row.contains("|" + tenant + "|")) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String program(String hr, ProgramScenario s) {
        return Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=4")
                .then().statusCode(200).extract().asString();
    }

    /** Per-tenant aggregates of every read-model table. */
    private List<String> aggregates() throws Exception {
        List<String> queries = List.of(
                "select tenant_id, count(*), count(distinct team_id), count(left_at), count(time_zone) from insights_member group by tenant_id order by tenant_id",
                "select tenant_id, team_id, name from insights_team order by tenant_id, team_id",
                "select tenant_id, sum(assessments_completed), sum(routines_recommended), sum(reminders_sent), sum(breaks_taken), "
                        + "sum(active_break_minutes), sum(exercise_sessions), sum(exercise_minutes) from insights_employee_activity group by tenant_id order by tenant_id",
                "select tenant_id, risk_level, count(*) from insights_latest_assessment group by tenant_id, risk_level order by tenant_id, risk_level",
                "select tenant_id, program_id, title, status, current_phase, starts_on from insights_program order by tenant_id, program_id",
                "select tenant_id, program_id, number, start_week, daily_active_minutes_target from insights_program_phase order by 1, 2, 3",
                "select tenant_id, program_id, team_id from insights_program_team order by 1, 2, 3",
                "select tenant_id, event_id, kind, occurred_at, amount, team_id, employee_id from insights_fact order by 1, 2, 3",
                "select tenant_id, employee_id, period, sitting_minutes, standing_minutes, walking_minutes, days_worked, reported_at "
                        + "from insights_sitting_report order by 1, 2, 3",
                "select tenant_id, employee_id, team_id, erased_at from insights_erased_employee order by 1, 2");
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String query : queries) {
                try (ResultSet rs = st.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(query.substring(0, 40));
                        for (int i = 1; i <= columns; i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
