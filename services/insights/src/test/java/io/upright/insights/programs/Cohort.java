package io.upright.insights.programs;

import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakTaken;
import io.restassured.path.json.JsonPath;
import io.upright.testsupport.http.Api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Teams, people and breaks on the real topics, for the attack tests; weeks are named by their Monday. */
final class Cohort {

    final ProgramScenario s;

    Cohort(ProgramScenario s) {
        this.s = s;
    }

    List<UUID> team(UUID teamId, String name, int people, LocalDate enrolledWeek) {
        s.publish(new TeamCreated(teamId, name, ProgramScenario.at(enrolledWeek, 7)));
        return enroll(teamId, people, enrolledWeek);
    }

    List<UUID> enroll(UUID teamId, int people, LocalDate week) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            UUID id = UUID.randomUUID();
            s.publish(new EmployeeEnrolled(id, teamId, "UTC", "09:00", "17:00", false, ProgramScenario.at(week, 8)));
            ids.add(id);
        }
        return ids;
    }

    void launch(List<UUID> teams, LocalDate startsOn) {
        s.publish(new ProgramLaunched(s.programId, "Attack", teams, startsOn, List.of(new ProgramPhase(1, 1, 45, 60)), 20, 90,
                ProgramScenario.at(startsOn, 6)));
    }

    /** Each person takes one break of {@code minutes} on the Tuesday of the week. */
    void breaks(List<UUID> people, LocalDate monday, int minutes) {
        for (UUID person : people) {
            Instant at = ProgramScenario.at(monday.plusDays(1), 10);
            s.publish(new BreakTaken(UUID.randomUUID(), person, "walk", minutes, null, at));
        }
    }

    static JsonPath program(String token, UUID programId, String query) {
        return Api.as(token).get("/api/insights/programs/" + programId + "?" + query)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }
}
