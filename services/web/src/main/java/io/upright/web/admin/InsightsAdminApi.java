package io.upright.web.admin;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/**
 * Insights' settings API (services/insights/README.md): the tenant's anonymity threshold, who changed it, and who
 * read the figures. Asked with the admin's own token: insights decides who may change {@code k}. The settings carry
 * no ETag, so a change is a plain PUT.
 */
@RegisterRestClient(configKey = "insights")
@RegisterProvider(PersonsToken.class)
@Path("/api/insights")
public interface InsightsAdminApi {

    record Settings(Integer anonymityThreshold) {
    }

    record ThresholdChange(String changedBy, Instant changedAt, Integer previous, int threshold) {
    }

    record Read(String reader, String roles, String what, Instant readAt) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    @GET
    @Path("/settings")
    Settings settings();

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    Settings change(Settings settings);

    @GET
    @Path("/settings/threshold-changes")
    List<ThresholdChange> thresholdChanges();

    @GET
    @Path("/read-audit")
    Page<Read> reads(@QueryParam("page") int page, @QueryParam("size") int size);
}
