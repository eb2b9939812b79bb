package io.upright.insights.outcomes;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.assessments.SittingReported;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.TeamCreated;
import io.upright.insights.programs.ProgramScenario;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HR's sitting outcomes, through the API, on real topics and a real database: a round is published when its window has
 * passed, with the paired change worked out by hand below; and the attack: one person joins between two check-ins,
 * and HR subtracts the two rounds' figures (n times the mean, one minus the other) to get that person's answers. No
 * pair of figures HR can read gives them back, and an erasure leaves the published figures as they were.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class SittingOutcomesDifferencingAttackFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    /** Today, noon UTC: 70 days after the program's start, so check-in-1 (days 28 to 56) is closed and check-in-2 open. */
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final Instant NOW = START.plusDays(70).atTime(12, 0).toInstant(ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private final AdjustableClock clock = AdjustableClock.at(NOW);

    @BeforeEach
    void setTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void a_check_in_is_published_with_the_paired_change_and_a_newcomer_cannot_be_subtracted_out_of_two_rounds() {
        ProgramScenario s = new ProgramScenario("sitting-attack", kafka);
        UUID alpha = UUID.randomUUID();
        UUID beta = UUID.randomUUID();
        Instant before = day(-7, 8);
        s.publish(new TeamCreated(alpha, "Alpha", before));
        s.publish(new TeamCreated(beta, "Beta", before));
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(s.enroll(alpha, "Europe/Berlin", before));
        }
        UUID lone = s.enroll(beta, "Europe/Berlin", before);
        UUID program = UUID.randomUUID();
        s.publish(new ProgramLaunched(program, "Sit less", List.of(alpha, beta), START, List.of(new ProgramPhase(1, 1, 45, 60)),
                20, 90, before));
        int[] baseline = {300, 320, 280, 360, 340, 310};
        int[] checkIn1 = {270, 300, 290, 300, 310, 250};
        for (int i = 0; i < 6; i++) {
            report(s, people.get(i), "baseline", baseline[i], day(1, 10));
            // check-in 1 opens on day 28 and is asked for two weeks; the last person answers late, on day 50: before the
            // round's close on day 56, so it counts
            report(s, people.get(i), "check-in-1", checkIn1[i], day(i == 5 ? 50 : 30, 10));
        }
        // Beta's one person answers too: their team is never shown, and they are not in the program's figure until
        // a round holds them together with enough others
        report(s, lone, "baseline", 400, day(1, 10));
        report(s, lone, "check-in-1", 100, day(65, 10)); // after check-in-1 closed (day 56): counts for them, not in the round
        s.awaitApplied(dataSource);

        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        JsonPath first = outcomes(hr, program);
        assertThat(first.getList("rounds")).hasSize(1);
        assertThat(first.getString("rounds[0].period")).isEqualTo("check-in-1");
        assertThat(first.getString("rounds[0].closesAt")).isEqualTo("2026-03-02T00:00:00Z");
        // differences -30, -20, +10, -60, -30, -60: mean -190/6 = -31.67. Deviations from it 1.67, 11.67, 41.67, -28.33,
        // 1.67, -28.33; squares 2.78 + 136.11 + 1736.11 + 802.78 + 2.78 + 802.78 = 3483.33; / 5 = 696.67, sd 26.39;
        // t(0.975; 5) = 2.5706, half-width 2.5706 * 26.39 / sqrt(6) = 27.70: CI -59.37 to -3.97. Four of six fell by 30+.
        assertThat(first.getBoolean("rounds[0].program.suppressed")).isFalse();
        assertThat(first.getInt("rounds[0].program.contributors")).isEqualTo(6);
        assertThat(first.getDouble("rounds[0].program.baseline.sitting")).isEqualTo(318.3);
        assertThat(first.getDouble("rounds[0].program.now.sitting")).isEqualTo(286.7);
        assertThat(first.getDouble("rounds[0].program.change.meanMinutes")).isEqualTo(-31.7);
        assertThat(first.getDouble("rounds[0].program.change.ci95Low")).isCloseTo(-59.37, within(0.051));
        assertThat(first.getDouble("rounds[0].program.change.ci95High")).isCloseTo(-3.97, within(0.051));
        assertThat(first.getDouble("rounds[0].program.shareSittingAtLeast30MinutesLess")).isEqualTo(0.67);
        Map<String, Object> alphaFigure = team(first, 0, alpha);
        Map<String, Object> betaFigure = team(first, 0, beta);
        assertThat(alphaFigure.get("suppressed")).isEqualTo(false);
        assertThat(alphaFigure.get("teamName")).isEqualTo("Alpha");
        assertThat(betaFigure.get("suppressed")).isEqualTo(true);
        assertThat(betaFigure.get("contributors")).isNull();
        assertThat(first.getString("method")).contains("own baseline (paired)");
        // the phase's target is set against what the check-ins measure: standing and walking minutes per workday
        assertThat(first.getInt("rounds[0].standingAndWalkingTargetMinutes")).isEqualTo(60);
        assertThat(first.getDouble("rounds[0].program.now.standing") + first.getDouble("rounds[0].program.now.walking")).isEqualTo(90.0);
        assertThat(first.getList("references.source")).anyMatch(r -> r.toString().contains("Buckley"))
                .anyMatch(r -> r.toString().contains("SMArT Work"));

        // the dashboard's panel shows the same round, next to the references, and Beta hidden with its reason
        String page = given().cookie("upright_token", hr).get("/dashboard/programs/{id}", program).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"table-sitting-outcomes\"").contains("-31.7 min (-59.4 to -4.0)").contains("67 %")
                .contains("hidden: fewer than 5 people answered both the baseline and this check-in")
                .contains("SMArT Work").contains("references and not promises");

        // the newcomer: joins Alpha after check-in-1 closed, answers the baseline and check-in-2 with everyone else
        UUID newcomer = s.enroll(alpha, "Europe/Berlin", day(60, 9));
        int newcomerBaseline = 437;
        int newcomerCheckIn2 = 391;
        report(s, newcomer, "baseline", newcomerBaseline, day(61, 10));
        report(s, newcomer, "check-in-2", newcomerCheckIn2, day(62, 10));
        for (int i = 0; i < 6; i++) {
            report(s, people.get(i), "check-in-2", checkIn1[i] - 10, day(63, 10));
        }
        s.awaitApplied(dataSource);
        clock.set(START.plusDays(85).atTime(12, 0).toInstant(ZoneOffset.UTC)); // check-in-2 closed on day 84
        JsonPath second = outcomes(hr, program);
        assertThat(second.getList("rounds.period")).containsExactly("check-in-1", "check-in-2");
        assertThat(second.getBoolean("rounds[1].program.suppressed")).isTrue();
        assertThat(second.getString("rounds[1].program.reason")).contains("single out fewer than 5");
        assertThat(team(second, 1, alpha).get("suppressed")).isEqualTo(true);
        // the published round is as it was
        assertThat(second.getMap("rounds[0]")).isEqualTo(first.getMap("rounds[0]"));

        // HR's subtraction over every pair of figures shown: nothing comes out as the newcomer's answers
        List<Figure> shown = shown(second);
        for (Figure x : shown) {
            for (Figure y : shown) {
                if (x.n() - y.n() >= 1 && x.n() - y.n() < 5) {
                    double[] recovered = {
                            (x.n() * x.baseline() - y.n() * y.baseline()) / (x.n() - y.n()),
                            (x.n() * x.now() - y.n() * y.now()) / (x.n() - y.n())};
                    assertThat(recovered[0]).isNotCloseTo(newcomerBaseline, within(2.0));
                    assertThat(recovered[1]).isNotCloseTo(newcomerCheckIn2, within(2.0));
                }
            }
        }

        // the person's own export lists the published figures that counted them; an admin's on their behalf does not
        String exportPath = "/api/personal-data-exports/" + people.get(0);
        JsonPath own = given().auth().oauth2(TOKENS.issue(s.tenant, people.get(0).toString(), "employee")).get(exportPath)
                .then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("data.publishedSittingOutcomes.period", String.class)).contains("check-in-1");
        assertThat(own.getList("data.publishedSittingOutcomes.programId", String.class)).containsOnly(program.toString());
        JsonPath byAdmin = given().auth().oauth2(TOKENS.issue(s.tenant, "admin-1", "admin")).get(exportPath)
                .then().statusCode(200).extract().jsonPath();
        assertThat(byAdmin.getMap("data")).doesNotContainKey("publishedSittingOutcomes");

        // erasing someone of round 1 changes no published figure
        s.publish(new EmployeeErased(people.get(0), clock.instant()));
        s.awaitApplied(dataSource);
        JsonPath afterErasure = outcomes(hr, program);
        assertThat(afterErasure.getList("rounds")).isEqualTo(second.getList("rounds"));
        assertThat(given().auth().oauth2(TOKENS.issue(s.tenant, people.get(0).toString(), "employee")).get(exportPath)
                .then().statusCode(200).extract().jsonPath().getList("data.publishedSittingOutcomes")).isEmpty();
    }

    @Test
    void nothing_is_published_before_a_check_ins_window_has_passed_and_other_tenants_see_nothing() {
        ProgramScenario s = new ProgramScenario("sitting-early", kafka);
        UUID alpha = UUID.randomUUID();
        s.publish(new TeamCreated(alpha, "Alpha", day(-7, 8)));
        UUID program = UUID.randomUUID();
        // started 40 days ago: check-in-1 opened on day 28 and is still open
        s.publish(new ProgramLaunched(program, "Sit less", List.of(alpha), START.plusDays(30), List.of(new ProgramPhase(1, 1, 45, 60)),
                20, 90, day(-7, 8)));
        s.awaitApplied(dataSource);
        JsonPath view = outcomes(TOKENS.issue(s.tenant, "hr-1", "hr"), program);
        assertThat(view.getList("rounds")).isEmpty();
        assertThat(view.getString("nextRoundClosesAt")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(given().cookie("upright_token", TOKENS.issue(s.tenant, "hr-1", "hr")).get("/dashboard/programs/{id}", program)
                .then().statusCode(200).extract().asString()).contains("No check-in round is published yet");
        given().auth().oauth2(TOKENS.issue("someone-else-" + UUID.randomUUID(), "hr-1", "hr"))
                .get("/api/insights/programs/{id}/sitting-outcomes", program).then().statusCode(404);
        given().auth().oauth2(TOKENS.issue(s.tenant, "e-1", "employee"))
                .get("/api/insights/programs/{id}/sitting-outcomes", program).then().statusCode(403);
        given().auth().oauth2(TOKENS.issue(s.tenant, "hr-1", "hr"))
                .get("/api/insights/programs/{id}/sitting-outcomes", "not-a-program").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private record Figure(int n, double baseline, double now) {
    }

    /** Every figure HR can read, as (contributors, baseline mean, now mean). */
    private static List<Figure> shown(JsonPath view) {
        List<Figure> figures = new ArrayList<>();
        List<Map<String, Object>> rounds = view.getList("rounds");
        for (int r = 0; r < rounds.size(); r++) {
            List<Map<String, Object>> all = new ArrayList<>();
            all.add(view.getMap("rounds[" + r + "].program"));
            all.addAll(view.getList("rounds[" + r + "].teams"));
            for (Map<String, Object> f : all) {
                if (Boolean.FALSE.equals(f.get("suppressed"))) {
                    Map<?, ?> b = (Map<?, ?>) f.get("baseline");
                    Map<?, ?> n = (Map<?, ?>) f.get("now");
                    figures.add(new Figure(((Number) f.get("contributors")).intValue(), ((Number) b.get("sitting")).doubleValue(),
                            ((Number) n.get("sitting")).doubleValue()));
                }
            }
        }
        return figures;
    }

    private static Map<String, Object> team(JsonPath view, int round, UUID team) {
        List<Map<String, Object>> teams = view.getList("rounds[" + round + "].teams");
        return teams.stream().filter(t -> team.toString().equals(t.get("teamId"))).findFirst().orElseThrow();
    }

    private static JsonPath outcomes(String token, UUID program) {
        return given().auth().oauth2(token).get("/api/insights/programs/{id}/sitting-outcomes", program)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Instant day(int afterStart, int hourUtc) {
        return START.plusDays(afterStart).atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }

    private static void report(ProgramScenario s, UUID employee, String period, int sitting, Instant at) {
        s.publish(new SittingReported(employee, null, period, "ospaq-2012", sitting + 90, sitting, 60, 30, 0, 5, at));
    }
}
