package io.upright.insights.outcomes;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.SealedForEmployee;
import io.upright.contracts.assessments.SittingReported;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.insights.outcomes.PairedChange.Result;
import io.upright.insights.programs.ProgramScenario;
import io.upright.localinfra.CloudEventRecords;
import io.upright.platform.crypto.TopicKeys;
import io.upright.platform.outbox.SealedPayload;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sitting reports on the real {@code upright.assessments} topic: the newest per (employee, period) is kept, a late older
 * record changes nothing, an erasure and a record whose key was shredded leave no row, and {@link SittingOutcomes}
 * pairs each person's baseline with their latest later period, for the team insights knows them in.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class SittingOutcomesFlowTest {

    private static final String OSPAQ = "ospaq-2012";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    TopicKeys topicKeys;

    @Inject
    SittingOutcomes outcomes;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void the_newest_report_per_period_counts_erasures_leave_nothing_and_each_person_pairs_baseline_with_their_latest_period() throws Exception {
        ProgramScenario s = new ProgramScenario("sitting", kafka).publishAll();
        Instant t = ProgramScenario.at(s.thisMonday.minusWeeks(3), 9);
        List<UUID> a = s.a;
        // the events name Billing as the team: insights counts people in the team of its own membership (Accounts)
        UUID wrongTeam = s.billing;
        report(s, a.get(0), wrongTeam, "baseline", 300, 5, t);
        report(s, a.get(0), wrongTeam, "check-in-1", 280, 5, t.plusSeconds(60));
        report(s, a.get(0), wrongTeam, "end", 260, 5, t.plusSeconds(120));
        report(s, a.get(1), null, "baseline", 280, 5, t);
        report(s, a.get(1), null, "check-in-2", 270, 5, t.plusSeconds(600));
        report(s, a.get(1), null, "check-in-2", 250, 5, t.plusSeconds(1200)); // a correction
        report(s, a.get(1), null, "check-in-2", 999, 5, t.plusSeconds(900));  // late, older than the correction
        report(s, a.get(1), null, "check-in-1", 100, 5, t.plusSeconds(300));  // earlier than check-in-2: not "now"
        report(s, a.get(2), wrongTeam, "baseline", 360, 4, t);
        report(s, a.get(2), wrongTeam, "check-in-1", 300, 3, t.plusSeconds(60));
        report(s, a.get(3), wrongTeam, "baseline", 240, 5, t);
        report(s, a.get(3), wrongTeam, "check-in-3", 240, 5, t.plusSeconds(60));
        report(s, a.get(4), wrongTeam, "baseline", 320, 5, t);
        report(s, a.get(4), wrongTeam, "end", 0, 0, t.plusSeconds(60)); // a week without work: answered, no minutes
        report(s, a.get(5), wrongTeam, "baseline", 330, 5, t);          // no later period yet
        report(s, a.get(5), wrongTeam, "week-7", 200, 5, t.plusSeconds(60)); // no such period: not kept
        // Billing: b0 counts there; b1 is erased; b2's report is sealed under a key already shredded
        report(s, s.b.get(0), s.billing, "baseline", 300, 5, t);
        report(s, s.b.get(0), s.billing, "end", 200, 5, t.plusSeconds(60));
        report(s, s.b.get(1), s.billing, "baseline", 310, 5, t);
        report(s, s.b.get(1), s.billing, "end", 250, 5, t.plusSeconds(60));
        s.awaitApplied(dataSource);
        assertThat(rows(s.tenant, s.b.get(1))).containsExactly("baseline 310", "end 250");

        s.publish(new EmployeeErased(s.b.get(1), ProgramScenario.now()));
        topicKeys.shred(s.tenant, s.b.get(2));
        s.publish(sitting(s.b.get(2), s.billing, "baseline", 300, 5, t), sealedIn(s.tenant));
        s.awaitApplied(dataSource);
        // a plain record of the erased id after the erasure (as published before sealing): not kept either
        report(s, s.b.get(1), s.billing, "check-in-1", 240, 5, t.plusSeconds(30));
        s.awaitApplied(dataSource);

        assertThat(rows(s.tenant, a.get(0))).containsExactly("baseline 300", "check-in-1 280", "end 260");
        assertThat(rows(s.tenant, a.get(1))).containsExactly("baseline 280", "check-in-1 100", "check-in-2 250");
        assertThat(rows(s.tenant, a.get(5))).containsExactly("baseline 330");
        assertThat(rows(s.tenant, s.b.get(1))).isEmpty();
        assertThat(rows(s.tenant, s.b.get(2))).isEmpty();

        assertThat(outcomes.pairs(s.tenant, a)).extracting(p -> p.employeeId() + " " + p.laterPeriod())
                .containsExactlyInAnyOrder(a.get(0) + " end", a.get(1) + " check-in-2", a.get(2) + " check-in-1",
                        a.get(3) + " check-in-3", a.get(4) + " end");

        SittingOutcomes.Outcome accounts = outcomes.ofTeam(s.tenant, s.accounts);
        // six reported, five with a later period, four contributing (a4's latest week had no work)
        assertThat(accounts.reported()).isEqualTo(6);
        assertThat(accounts.paired()).isEqualTo(5);
        assertThat(accounts.contributors()).isEqualTo(4);
        Result r = accounts.change();
        // differences -40, -30, -60, 0: mean -32.5; squared deviations 56.25 + 6.25 + 756.25 + 1056.25 = 1875, / 3 = 625,
        // sd 25; t(3) = 3.1824, CI -32.5 +- 3.1824 * 25 / 2 = -32.5 +- 39.78
        assertThat(r.meanBaselineSitting()).isEqualTo(295.0);
        assertThat(r.meanLaterSitting()).isEqualTo(262.5);
        assertThat(r.meanDifference()).isEqualTo(-32.5);
        assertThat(r.sdDifference()).isCloseTo(25.0, within(1e-9));
        assertThat(r.ci95().low()).isCloseTo(-72.28, within(0.001));
        assertThat(r.ci95().high()).isCloseTo(7.28, within(0.001));
        assertThat(r.shareFellByAtLeast30()).isEqualTo(0.75);

        // Billing: only b0 is left (b1 erased, b2 unreadable)
        SittingOutcomes.Outcome billing = outcomes.ofTeam(s.tenant, s.billing);
        assertThat(billing.contributors()).isEqualTo(1);
        assertThat(billing.change().meanDifference()).isEqualTo(-100.0);
        assertThat(billing.change().ci95()).isNull();

        // closed periods only (the next step's rule) moves a0's "now" back to check-in-1
        SittingOutcomes.Outcome beforeEnd = outcomes.of(s.tenant, List.of(a.get(0)), p -> !p.name().equals("end"));
        assertThat(beforeEnd.change().meanDifference()).isEqualTo(-20.0);
    }

    private void report(ProgramScenario s, UUID employee, UUID team, String period, int sitting, int days, Instant at) {
        s.publish(sitting(employee, team, period, sitting, days, at));
    }

    private static SittingReported sitting(UUID employee, UUID team, String period, int sitting, int days, Instant at) {
        int standing = days == 0 ? 0 : 60;
        int walking = days == 0 ? 0 : 30;
        return new SittingReported(employee, team, period, OSPAQ, days == 0 ? 0 : sitting + standing + walking,
                sitting, standing, walking, 0, days, at);
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

    private List<String> rows(String tenant, UUID employee) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select period || ' ' || sitting_minutes from insights_sitting_report "
                     + "where tenant_id = ? and employee_id = ? order by period")) {
            ps.setString(1, tenant);
            ps.setObject(2, employee);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
