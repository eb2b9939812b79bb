package io.upright.insights.replay;

import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/insights/replay")
@Tag(name = "Insights replay")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class ReplayResource {

    @Inject
    Replayer replayer;

    @POST
    @Operation(summary = "Rebuild every insights read model from the Kafka topics, from the beginning (all tenants)")
    @APIResponse(responseCode = "200", description = "What was replayed", content = @Content(schema = @Schema(implementation = Replayer.Report.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A replay is already running", ref = ProblemResponses.CONFLICT)
    public Replayer.Report replay() {
        return replayer.replay().orElseThrow(() -> ProblemException.conflict("A replay is already running"));
    }
}
