package io.upright.insights.programs;

import io.upright.contracts.EventCatalog;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.time.AdjustableClock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * One tenant's program, published on the real topics as the owning services would. Dates are relative to the
 * ISO week of {@link #TODAY}, the day the tests set insights' clock to ({@link #clock()}), so the figures below
 * hold whatever day and time the test runs at:
 *
 * <ul>
 *   <li>Accounts: 6 people (a6 lives in Pacific/Auckland), Billing: 5, Courier: 2 — all in one program that
 *       started three weeks before this one (this week is program week 4, phase 2: 120 minutes a day; last week
 *       is phase 1: 60 minutes).</li>
 *   <li>Last week, Accounts: 3 reminders sent, 1 break taken (10 min), 1 snoozed, 1 skipped, 1 expired,
 *       1 exercise session (8 min), a1 assessed (workstation HIGH, MONITOR_TOO_LOW). Active: a1, a2, a3.</li>
 *   <li>This week, Accounts: breaks of 20 + 10 (a1, two days), 30 (a2), 15 (a6, Sunday 20:00 UTC = Monday in
 *       Auckland); a5 assessed with ROSA 6 (ROSA_ACT_NOW, CHAIR_SEAT_HEIGHT). Active: a1, a2, a5, a6.</li>
 *   <li>This week, Billing b1 and Courier c1 each take a 5 minute break.</li>
 * </ul>
 * With the clock at {@link #TODAY}, last week is the latest closed (published) week and this week is open: its
 * figures are not shown. {@link #everyoneInAccountsActiveLastWeek()} makes last week's Accounts big enough to show.
 */
public final class ProgramScenario {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** "Today" for insights and for the scenario: a Wednesday, far from any daylight-saving change. */
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    public final String tenant;
    public final UUID programId = UUID.randomUUID();
    public final UUID accounts = UUID.randomUUID();
    public final UUID billing = UUID.randomUUID();
    public final UUID courier = UUID.randomUUID();
    public final List<UUID> a = new ArrayList<>();
    public final List<UUID> b = new ArrayList<>();
    public final List<UUID> c = new ArrayList<>();
    public final LocalDate thisMonday = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    public final LocalDate lastMonday = thisMonday.minusWeeks(1);
    public final String thisWeek = ProgramInsights.isoWeek(thisMonday);
    public final String lastWeek = ProgramInsights.isoWeek(lastMonday);

    private final String kafka;
    private final List<String> published = new ArrayList<>();

    /**
     * A clock at noon of {@link #TODAY}; a test installs it with
     * {@code QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class)} in its {@code @BeforeEach}.
     */
    public static AdjustableClock clock() {
        return AdjustableClock.atNoon(TODAY);
    }

    /** Noon of {@link #TODAY}: when the tests' clock says it is now. */
    public static Instant now() {
        return TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public ProgramScenario(String tenantPrefix, String kafka) {
        this.tenant = tenantPrefix + "-" + UUID.randomUUID();
        this.kafka = kafka;
    }

    public ProgramScenario publishAll() {
        Instant before = at(thisMonday.minusWeeks(4), 8);
        publish(new TeamCreated(accounts, "Accounts", before));
        publish(new TeamCreated(billing, "Billing", before));
        publish(new TeamCreated(courier, "Courier", before));
        for (int i = 0; i < 6; i++) {
            a.add(enroll(accounts, i == 5 ? "Pacific/Auckland" : "Europe/Berlin", before));
        }
        for (int i = 0; i < 5; i++) {
            b.add(enroll(billing, "Europe/London", before));
        }
        for (int i = 0; i < 2; i++) {
            c.add(enroll(courier, "UTC", before));
        }
        publish(new ProgramLaunched(programId, "Stand up, Accounts and friends", List.of(accounts, billing, courier),
                thisMonday.minusWeeks(3), List.of(new ProgramPhase(1, 1, 45, 60), new ProgramPhase(2, 4, 30, 120)),
                20, 90, before));
        publish(new ProgramPhaseStarted(programId, List.of(accounts, billing, courier), 2, 30, 120, 20, 90,
                thisMonday, at(thisMonday, 6)));

        // last week
        publish(new BreakReminderSent(UUID.randomUUID(), a.get(0), at(lastMonday, 9), "break", "slack", at(lastMonday, 9)));
        publish(new BreakTaken(UUID.randomUUID(), a.get(0), "walk", 10, null, at(lastMonday, 9).plusSeconds(300)));
        publish(new BreakReminderSent(UUID.randomUUID(), a.get(1), at(lastMonday, 10), "sit-stand", "slack", at(lastMonday, 10)));
        publish(new BreakSnoozed(UUID.randomUUID(), a.get(1), at(lastMonday, 11), at(lastMonday, 10).plusSeconds(60)));
        publish(new BreakReminderSent(UUID.randomUUID(), a.get(2), at(lastMonday, 11), "break", "teams", at(lastMonday, 11)));
        publish(new BreakSkipped(UUID.randomUUID(), a.get(2), at(lastMonday, 11).plusSeconds(60)));
        publish(new ReminderExpired(UUID.randomUUID(), a.get(3), at(lastMonday, 12), at(lastMonday, 12).plusSeconds(900)));
        publish(new ExerciseSessionCompleted(UUID.randomUUID(), a.get(0), "hip-flexor-release", null, 8, 4, at(lastMonday.plusDays(1), 9)));
        publish(new AssessmentCompleted(UUID.randomUUID(), a.get(0), accounts, "workstation-basics", 1, "WORKSTATION_BASICS",
                7, "HIGH", List.of("MONITOR_TOO_LOW"), false, at(lastMonday, 9)));

        // this week
        publish(new BreakTaken(UUID.randomUUID(), a.get(0), "stand", 20, null, at(thisMonday, 9)));
        publish(new BreakTaken(UUID.randomUUID(), a.get(0), "routine", 10, "desk-reset", at(thisMonday.plusDays(1), 9)));
        publish(new BreakTaken(UUID.randomUUID(), a.get(1), "walk", 30, null, at(thisMonday, 10)));
        // Sunday 20:00 UTC is Monday 09:00 in Auckland: it belongs to this week
        publish(new BreakTaken(UUID.randomUUID(), a.get(5), "stretch", 15, null, at(thisMonday.minusDays(1), 20)));
        publish(new AssessmentCompleted(UUID.randomUUID(), a.get(4), accounts, "rosa", 1, "ROSA", 6, "HIGH",
                List.of("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT"), false, at(thisMonday, 11)));
        publish(new BreakTaken(UUID.randomUUID(), b.get(0), "walk", 5, null, at(thisMonday, 9)));
        publish(new BreakTaken(UUID.randomUUID(), c.get(0), "walk", 5, null, at(thisMonday, 9)));
        return this;
    }

    /**
     * Last week, a4, a5 and a6 take a 5 minute break each (Wednesday 10:00 UTC; Wednesday 23:00 in Auckland), so all
     * six of Accounts were active last week: a closed week whose Accounts figures can be shown.
     */
    public ProgramScenario everyoneInAccountsActiveLastWeek() {
        for (int i = 3; i < 6; i++) {
            publish(new BreakTaken(UUID.randomUUID(), a.get(i), "walk", 5, null, at(lastMonday.plusDays(2), 10)));
        }
        return this;
    }

    public UUID enroll(UUID team, String zone, Instant at) {
        UUID id = UUID.randomUUID();
        publish(new EmployeeEnrolled(id, team, zone, "09:00", "17:00", false, at));
        return id;
    }

    public String publish(IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, id, event));
        published.add(id);
        return id;
    }

    /**
     * An integration event with a body the test makes itself, e.g. sealed for the employee as the owning service's
     * outbox seals it; the type, key, subject and headers are the event's own.
     */
    public String publish(IntegrationEvent event, Function<IntegrationEvent, byte[]> body) {
        String id = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.of(event), event.key(), id, event.subject(), tenant,
                body.apply(event)));
        published.add(id);
        return id;
    }

    /** Waits until insights applied every event published so far (each topic is consumed on its own). */
    public void awaitApplied(DataSource dataSource) {
        await().atMost(PATIENCE).until(() -> applied(dataSource) == published.size());
    }

    private long applied(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from inbox where consumer = 'insights' and event_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", published.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many events this scenario published. */
    public int published() {
        return published.size();
    }

    public static Instant at(LocalDate day, int hourUtc) {
        return day.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }
}
