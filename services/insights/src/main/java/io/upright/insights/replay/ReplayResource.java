package io.upright.insights.replay;

import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The replay is an operator action: it reads every tenant's records and replaces read-model rows, so no tenant's admin
 * may start it (a tenant's admin used to be able to rebuild everyone's figures). The old admin path answers 403 to
 * everyone ({@link RetiredReplayResource}).
 */
@Path("/api/operator/insights/replay")
@Tag(name = "Insights replay (operator)")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.OPERATOR)
public class ReplayResource {

    private static final String EXAMPLE = """
            {"tenant": null, "recordsPerTopic": {"upright.programs": 120, "upright.assessments": 14, "upright.exercises": 9,
             "upright.reminders": 410}, "recordsRead": 553, "eventsApplied": 549, "appliedAfterSnapshot": 3,
             "duplicatesSkipped": 0, "unreadableSkipped": 1, "otherTenantsSkipped": 0,
             "startedAt": "2026-11-25T22:40:00Z", "finishedAt": "2026-11-25T22:40:02Z"}""";

    @Inject
    Replayer replayer;

    @POST
    @Operation(summary = "Rebuild the insights read models from the Kafka topics into fresh tables and swap them in "
            + "(every tenant, or one)")
    @APIResponse(responseCode = "200", description = "What was replayed", content = @Content(
            schema = @Schema(implementation = Replayer.Report.class),
            examples = @ExampleObject(name = "every tenant", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "tenant is blank or too long", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an operator", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A replay is already running", ref = ProblemResponses.CONFLICT)
    public Replayer.Report replay(
            @Parameter(description = "Rebuild only this tenant's rows (records of other tenants are skipped); every tenant when absent",
                    example = "acme") @QueryParam("tenant") String tenant) {
        if (tenant != null && (tenant.isBlank() || tenant.length() > 200)) {
            throw ProblemException.invalid("tenant", "must be a tenant id of 1 to 200 characters");
        }
        return replayer.replay(tenant).orElseThrow(() -> ProblemException.conflict("A replay is already running (on this or another instance); try again when it has finished"));
    }
}
