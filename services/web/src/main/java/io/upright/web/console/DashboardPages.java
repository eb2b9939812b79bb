package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;

/**
 * A program's HR figures inside the console: read from insights with HR's own token (the console's sign-in), shown
 * as tables. Insights stays the single source of the figures and of what is hidden.
 */
@Path("/hr/programs/{id}/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    /** The weeks shown, as insights' own dashboard does by default. */
    static final int WEEKS = 8;

    @Inject
    HrConsole console;

    @Inject
    HttpHeaders headers;

    @Inject
    @RestClient
    DashboardApi insights;

    @Inject
    @Location("console/dashboard.html")
    Template page;

    @GET
    public Response show(@PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        DashboardTables.Words words = words();
        try {
            DashboardApi.ProgramInsight insight = insights.program(id, WEEKS);
            DashboardApi.Risk risk = insight.risk();
            return Response.ok(page.data("p", insight).data("problem", null)
                    .data("overview", DashboardTables.overview(insight, words))
                    .data("teams", DashboardTables.teams(insight, words))
                    .data("weeks", DashboardTables.weeks(insight, words))
                    .data("riskRows", DashboardTables.risk(risk))
                    .data("riskHidden", risk == null || risk.suppressed())
                    .data("riskWords", risk == null ? words.fewerThan(insight.anonymityThreshold())
                            : DashboardTables.hiddenWords(risk.reason(), insight.anonymityThreshold(), words))
                    .data("assessed", risk == null ? "" : DashboardTables.count(risk.assessed(), words))
                    .data("findings", risk == null || risk.topFindings() == null ? List.of() : risk.topFindings().stream()
                            .map(f -> List.of(f.code(), DashboardTables.count(f.count(), words))).toList())).type("text/html;charset=UTF-8").build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable());
            return Response.status(problem.pageStatus()).entity(page.data("p", null).data("problem", problem)).type("text/html;charset=UTF-8").build();
        }
    }

    private DashboardTables.Words words() {
        ConsoleMessages texts = PageLanguage.bundle(ConsoleMessages.class, headers);
        return new DashboardTables.Words() {
            @Override
            public String label(DashboardTables.Metric metric) {
                switch (metric) {
                    case ENROLLED: return texts.metricEnrolled();
                    case ACTIVE: return texts.metricActive();
                    case COVERAGE_PERCENT: return texts.metricCoverage();
                    case ASSESSMENTS: return texts.metricAssessments();
                    case REMINDERS_SENT: return texts.metricReminders();
                    case BREAKS_TAKEN: return texts.metricBreaks();
                    case UPTAKE_PERCENT: return texts.metricUptake();
                    case ACTIVE_MINUTES: return texts.metricActiveMinutes();
                    case EXERCISE_SESSIONS: return texts.metricExerciseSessions();
                    default: return texts.metricExerciseMinutes();
                }
            }

            @Override
            public String fewerThan(int k) {
                return texts.dashboardFewerThan(k);
            }

            @Override
            public String none() {
                return "–";
            }
        };
    }
}
