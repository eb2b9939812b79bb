package io.upright.insights.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.upright.insights.audit.ReadAudit;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.programs.DashboardTables;
import io.upright.insights.programs.ProgramInsights;
import io.upright.insights.outcomes.SittingOutcomeRounds;
import io.upright.insights.outcomes.SittingOutcomeViews;
import io.upright.insights.programs.ProgramViews;
import io.upright.insights.snapshots.WeekSnapshots;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import io.upright.insights.programs.ProgramViews.ProgramSummary;
import io.upright.insights.programs.ProgramViews.Week;
import io.upright.insights.settings.TenantSettings;
import io.upright.platform.domain.Rejection;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The HR dashboard page, rendered on the server from the same {@link ProgramInsights} result the API returns.
 * A browser signs in by pasting the token the launcher prints; it is kept in an HttpOnly, SameSite=Strict cookie
 * that SmallRye JWT reads ({@code mp.jwt.token.cookie}), while API clients keep sending the Authorization header.
 */
@Path("/dashboard")
@Tag(name = "Dashboard page")
@Produces(MediaType.TEXT_HTML)
@TemplateData(target = DashboardTables.Table.class)
@TemplateData(target = DashboardTables.Row.class)
@TemplateData(target = DashboardTables.Value.class)
@TemplateData(target = ProgramSummary.class)
@TemplateData(target = ProgramInsight.class)
@TemplateData(target = ProgramViews.Phase.class)
@TemplateData(target = ProgramViews.PendingWeek.class)
@TemplateData(target = SittingOutcomeViews.ProgramSittingOutcomes.class)
@TemplateData(target = SittingOutcomeViews.Reference.class)
@TemplateData(target = DashboardPage.OutcomeRow.class)
public class DashboardPage {

    /** One line of the sitting-outcome panel: the program or a team in the latest published round, as shown. */
    public record OutcomeRow(String label, String period, boolean suppressed, String reason, String contributors,
                             String baseline, String now, String change, String share, String standingAndWalking,
                             String target) {
    }

    public static final String COOKIE = "upright_token";
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    @Location("dashboard/page.html")
    Template page;

    @Inject
    @Location("dashboard/sign-in.html")
    Template signIn;

    @Inject
    @Location("dashboard/forbidden.html")
    Template forbidden;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    ProgramInsights insights;

    @Inject
    TenantSettings settings;

    @Inject
    ReadAudit audit;

    @Inject
    SittingOutcomeRounds outcomeRounds;

    @Inject
    WeekSnapshots snapshots;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @GET
    @Blocking
    @Operation(summary = "The dashboard: the most recently launched program (sign-in page without a token)")
    public Response dashboard(@QueryParam("weeks") @DefaultValue("8") int weeks) {
        return render(null, weeks);
    }

    @GET
    @Path("/programs/{id}")
    @Blocking
    @Operation(summary = "The dashboard for one program")
    public Response program(@PathParam("id") String id, @QueryParam("weeks") @DefaultValue("8") int weeks) {
        return render(id, weeks);
    }

    @GET
    @Path("/sign-in")
    @Operation(summary = "The sign-in page: paste the HR token printed by ./upright token --tenant T --role hr")
    public TemplateInstance signInPage() {
        return signIn.data("error", null);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Keeps the pasted token in an HttpOnly, SameSite=Strict cookie and opens the dashboard")
    public Response signIn(@FormParam("token") String token) {
        String trimmed = token == null ? "" : token.trim();
        if (trimmed.startsWith("Bearer ")) {
            trimmed = trimmed.substring("Bearer ".length()).trim();
        }
        if (trimmed.isEmpty() || trimmed.length() > MAX_TOKEN_LENGTH || !JWT_SHAPE.matcher(trimmed).matches()) {
            return Response.status(400).entity(signIn.data("error", "That does not look like a token. Paste the whole "
                    + "line printed by ./upright token --tenant <tenant> --role hr.")).build();
        }
        return Response.seeOther(URI.create("/dashboard")).cookie(cookie(trimmed, false)).build();
    }

    @POST
    @Path("/sign-out")
    @Operation(summary = "Forgets the token cookie")
    public Response signOut() {
        return Response.seeOther(URI.create("/dashboard/sign-in")).cookie(cookie("", true)).build();
    }

    private Response render(String requestedProgram, int weeks) {
        boolean signedIn;
        try {
            signedIn = !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            // an expired or foreign token in the cookie: ask for a new one
            signedIn = false;
        }
        if (!signedIn) {
            return Response.seeOther(URI.create("/dashboard/sign-in")).build();
        }
        if (!identity.hasRole(Roles.HR) && !identity.hasRole(Roles.ADMIN)) {
            return Response.status(403).entity(forbidden.data("title", "Not allowed")
                    .data("message", "The dashboard is for HR and admins. Sign in with an hr or admin token.")).build();
        }
        UUID programId = null;
        if (requestedProgram != null) {
            try {
                programId = UUID.fromString(requestedProgram);
            } catch (IllegalArgumentException e) {
                return notFound();
            }
        }
        int shownWeeks = Math.max(1, Math.min(ProgramInsights.MAX_WEEKS, weeks));
        audit.record("dashboard " + (requestedProgram == null ? "latest program" : "program " + requestedProgram)
                + " weeks=" + shownWeeks);
        String tenant = user.tenant();
        List<ProgramSummary> programs = insights.programs(tenant, 0, 200).items();
        if (programId == null && !programs.isEmpty()) {
            programId = programs.get(0).programId();
        }
        ProgramInsight insight = null;
        if (programId != null) {
            try {
                insight = insights.program(tenant, programId, shownWeeks);
            } catch (Rejection e) {
                if (e.reason() != Rejection.Reason.NOT_FOUND) {
                    throw e;
                }
                return notFound();
            }
        }
        AnonymityPolicy policy = insights.policy(tenant);
        TemplateInstance view = page.data("tenant", tenant)
                .data("programs", programs)
                .data("insight", insight)
                .data("weeks", shownWeeks)
                .data("span", insight == null ? "" : DashboardTables.span(insight))
                .data("threshold", policy.threshold())
                .data("thresholdChanges", settings.changes(tenant))
                .data("tables", insight == null ? List.of() : DashboardTables.of(insight, policy))
                .data("chartJson", insight == null ? "{}" : chartJson(insight, policy));
        SittingOutcomeViews.ProgramSittingOutcomes outcomes = insight == null ? null
                : outcomeRounds.view(tenant, insight.programId(), snapshots.teams(tenant));
        view = view.data("outcomes", outcomes).data("outcomeRows", outcomes == null ? List.of() : outcomeRows(outcomes));
        return Response.ok(view).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response notFound() {
        return Response.status(404).entity(forbidden.data("title", "Not found")
                .data("message", "There is no such program.")).build();
    }

    /** The latest published round: the program first, then its teams, each shown or hidden with its reason. */
    static List<OutcomeRow> outcomeRows(SittingOutcomeViews.ProgramSittingOutcomes outcomes) {
        List<OutcomeRow> rows = new ArrayList<>();
        if (outcomes.rounds().isEmpty()) {
            return rows;
        }
        SittingOutcomeViews.SittingRound round = outcomes.rounds().get(outcomes.rounds().size() - 1);
        rows.add(outcomeRow("Program", round, round.program()));
        for (SittingOutcomeViews.SittingFigure team : round.teams()) {
            rows.add(outcomeRow(team.teamName() == null ? "Team " + team.teamId().toString().substring(0, 8) : team.teamName(), round, team));
        }
        return rows;
    }

    private static OutcomeRow outcomeRow(String label, SittingOutcomeViews.SittingRound round, SittingOutcomeViews.SittingFigure f) {
        if (f == null || f.suppressed()) {
            return new OutcomeRow(label, round.period(), true, f == null ? "not published" : "hidden: " + f.reason(),
                    null, null, null, null, null, null, null);
        }
        SittingOutcomeViews.SittingChange c = f.change();
        String change = String.format(java.util.Locale.ROOT, "%+.1f min", c.meanMinutes())
                + (c.ci95Low() == null ? "" : String.format(java.util.Locale.ROOT, " (%+.1f to %+.1f)", c.ci95Low(), c.ci95High()));
        return new OutcomeRow(label, round.period(), false, null, String.valueOf(f.contributors()),
                String.format(java.util.Locale.ROOT, "%.1f", f.baseline().sitting()),
                String.format(java.util.Locale.ROOT, "%.1f", f.now().sitting()), change,
                Math.round(f.shareSittingAtLeast30MinutesLess() * 100) + " %",
                String.format(java.util.Locale.ROOT, "%.1f", f.now().standing() + f.now().walking()),
                round.standingAndWalkingTargetMinutes() == null ? "none set" : round.standingAndWalkingTargetMinutes() + " min");
    }

    /** The chart series; a suppressed week is a gap (null), never a number. */
    private String chartJson(ProgramInsight insight, AnonymityPolicy policy) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> weeks = new ArrayList<>();
        List<Object> active = new ArrayList<>();
        List<Object> breaks = new ArrayList<>();
        List<Object> uptake = new ArrayList<>();
        List<Object> exercise = new ArrayList<>();
        for (Week week : insight.trend()) {
            weeks.add(week.week());
            active.add(week.figures().active());
            breaks.add(week.figures().breaksTaken());
            uptake.add(week.figures().breakUptakePercent());
            exercise.add(week.figures().exerciseMinutes());
        }
        data.put("weeks", weeks);
        data.put("active", active);
        data.put("breaksTaken", breaks);
        data.put("breakUptakePercent", uptake);
        data.put("exerciseMinutes", exercise);
        data.put("suppressedLabel", policy.tooFewActiveReason());
        Map<String, Object> risk = new LinkedHashMap<>();
        if (!insight.risk().suppressed()) {
            // a banded count is a label, never a bar: the chart leaves a gap there
            risk.put("rosa", numbersOnly(insight.risk().rosaBands()));
            risk.put("workstation", numbersOnly(insight.risk().workstationRiskLevels()));
        }
        data.put("risk", risk);
        data.put("riskLabel", insight.risk().suppressed()
                ? policy.cellLabel(new AnonymityPolicy.Verdict(true, insight.risk().reason())) : null);
        try {
            // safe inside a <script type="application/json">: no markup character survives
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the chart data", e);
        }
    }

    private static Map<String, Object> numbersOnly(Map<String, Object> counts) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        counts.forEach((category, count) -> numbers.put(category, count instanceof Number ? count : null));
        return numbers;
    }

    private NewCookie cookie(String value, boolean expire) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(expire ? 0 : -1)
                .build();
    }
}
