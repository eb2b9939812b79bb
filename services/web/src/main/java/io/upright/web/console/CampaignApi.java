package io.upright.web.console;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The assessments service's campaign API (services/assessments/README.md, "Assessment campaigns"), asked with HR's
 * own token: assessments decides whether they are HR of the tenant, and suppresses the coverage of small teams.
 */
@RegisterRestClient(configKey = "assessments")
@RegisterProvider(PersonsToken.class)
@Path("/api")
public interface CampaignApi {

    record NewCampaign(UUID teamId, String templateId, LocalDate dueDate) {
    }

    /** Null when suppressed: then not even the team's size is known here. */
    record Coverage(int employees, int submitted, int percent) {
    }

    record Campaign(UUID id, UUID teamId, String templateId, LocalDate dueDate, Instant startedAt, Coverage coverage,
                    boolean suppressed) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record TemplateSummary(String id, int version, String title) {
    }

    @GET
    @Path("/assessment-campaigns")
    Page<Campaign> campaigns(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/assessment-campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    Campaign start(NewCampaign campaign);

    /** The templates a campaign can ask for (HR and admins may read them: they hold questions, no answers). */
    @GET
    @Path("/checklist-templates")
    List<TemplateSummary> templates();
}
