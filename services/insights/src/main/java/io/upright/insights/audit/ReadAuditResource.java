package io.upright.insights.audit;

import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/insights/read-audit")
@Tag(name = "Insights settings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class ReadAuditResource {

    @Inject
    ReadAudit audit;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Who read which HR figures of the tenant, and when, newest first (admin only)")
    @APIResponse(responseCode = "200", description = "One page of reads: reader, roles, what, readAt")
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    public Page<ReadAudit.Read> reads(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return audit.reads(user.tenant(), page, size);
    }
}
