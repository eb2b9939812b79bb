package io.upright.web.console;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The insights service's per-program figures (services/insights/README.md, "A program"), asked with HR's own token.
 * Insights is the one source of these figures and decides what is hidden; this side only shows it.
 */
@RegisterRestClient(configKey = "insights")
@RegisterProvider(PersonsToken.class)
@Path("/api/insights")
public interface DashboardApi {

    /** When {@code suppressed}, {@code reason} says why and every figure is null. */
    record Figures(boolean suppressed, String reason, Long enrolled, Long active, Long assessmentCoveragePercent,
                   Long assessmentsCompleted, Long remindersSent, Long breaksTaken, Long breaksSnoozed,
                   Long breaksSkipped, Long activeBreakMinutes, Long breakUptakePercent, Long exerciseSessions,
                   Long exerciseMinutes) {
    }

    /** A count is a number or a band label ("fewer than 5"), so it is read as either. */
    record FindingCount(String code, Object count) {
    }

    record Risk(boolean suppressed, String reason, Object assessed, Map<String, Object> rosaBands,
                Map<String, Object> workstationRiskLevels, List<FindingCount> topFindings) {
    }

    record Team(UUID teamId, String teamName, Figures figures, Figures latestWeek, Risk risk) {
    }

    record Week(String week, LocalDate weekStart, int programWeek, Integer phase, Figures figures) {
    }

    record PendingWeek(String week, LocalDate weekStart, String status, Instant publishedFrom) {
    }

    record ProgramInsight(UUID programId, String title, String status, LocalDate startsOn, int anonymityThreshold,
                          List<String> weeks, List<PendingWeek> pendingWeeks, Figures overview, Figures latestWeek,
                          List<Team> teams, List<Week> trend, Risk risk, Instant riskPublishedAt) {
    }

    @GET
    @Path("/programs/{id}")
    ProgramInsight program(@PathParam("id") UUID id, @QueryParam("weeks") int weeks);
}
