package io.upright.web.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * The admin console's start page, and the tenant's anonymity threshold with its trail: every change of {@code k}
 * and every read of the HR figures, as insights records them.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    /** How many reads of the figures the page shows: the newest, which is what an admin checks. */
    static final int READS_SHOWN = 50;

    @Inject
    AdminConsole console;

    @Inject
    @RestClient
    InsightsAdminApi insights;

    @Inject
    @Location("admin/start.html")
    Template start;

    @Inject
    @Location("admin/anonymity.html")
    Template anonymity;

    @GET
    public Response start() {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return Response.ok(start.instance()).build();
    }

    @GET
    @Path("/anonymity")
    public Response anonymity(@RestQuery("saved") String saved) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return render(200, null, null, saved != null);
    }

    @POST
    @Path("/anonymity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam(ThresholdForm.FIELD) String typed) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        AdminMessages texts = console.texts();
        Integer k = ThresholdForm.parse(typed).orElse(null);
        if (k == null) {
            return render(400, typed, ThresholdForm.refused(typed, texts.required(), texts.wholeNumber(), texts.checkFields()), false);
        }
        try {
            insights.change(new InsightsAdminApi.Settings(k));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ThresholdForm.atField(console.problem(e));
            return render(problem.pageStatus(), typed, problem, false);
        }
        return AdminConsole.seeOther("/admin/anonymity?saved=1");
    }

    private Response render(int status, String typed, ServiceProblem problem, boolean saved) {
        Integer current = null;
        List<InsightsAdminApi.ThresholdChange> changes = List.of();
        InsightsAdminApi.Page<InsightsAdminApi.Read> reads = new InsightsAdminApi.Page<>(List.of(), 0, READS_SHOWN, 0);
        ServiceProblem shown = problem;
        try {
            current = insights.settings().anonymityThreshold();
            changes = insights.thresholdChanges();
            reads = insights.reads(0, READS_SHOWN);
        } catch (WebApplicationException | ProcessingException e) {
            // the form's own problem comes first; otherwise say why the figures are missing
            if (shown == null) {
                shown = console.problem(e);
                status = shown.pageStatus();
            }
        }
        String value = typed != null ? typed : current == null ? "" : current.toString();
        String error = shown == null ? null : shown.at(ThresholdForm.FIELD).orElse(null);
        return Response.status(status).entity(anonymity.data("current", current).data("value", value)
                .data("error", error).data("problem", shown).data("saved", saved).data("changes", changes)
                .data("reads", reads.items()).data("readsTotal", reads.total())).build();
    }
}
