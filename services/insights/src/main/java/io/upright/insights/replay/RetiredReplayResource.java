package io.upright.insights.replay;

import jakarta.annotation.security.DenyAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The replay's former path, where any tenant's admin could rebuild every tenant's figures. It answers 403 to every
 * token (401 without one), so that a script still calling it fails loudly; the replay is at
 * {@code /api/operator/insights/replay}, for operators only.
 */
@Path("/api/insights/replay")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class RetiredReplayResource {

    @POST
    @Operation(hidden = true)
    public void replay() {
        // never reached: @DenyAll
    }
}
