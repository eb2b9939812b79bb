package io.upright.insights.outcomes;

import io.upright.insights.audit.ReadAudit;
import io.upright.insights.outcomes.SittingOutcomeViews.ProgramSittingOutcomes;
import io.upright.insights.snapshots.WeekSnapshots;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** HR's view of whether a program's people sit less: the published sitting-outcome rounds. */
@Path("/api/insights/programs/{id}/sitting-outcomes")
@Tag(name = "Program insights")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class SittingOutcomesResource {

    @Inject
    SittingOutcomeRounds rounds;

    @Inject
    WeekSnapshots snapshots;

    @Inject
    CurrentUser user;

    @Inject
    ReadAudit audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The program's sitting outcome per check-in: mean sitting, standing and walking minutes per workday "
            + "at baseline and at the check-in, each person against their own baseline, the change with its 95 % CI and the "
            + "share who sit 30 min or more less; published once a check-in's window has passed, k-anonymous, next to "
            + "reference figures from the research")
    @APIResponse(responseCode = "200", description = "The published rounds (none before the first check-in's window has passed)",
            content = @Content(schema = @Schema(implementation = ProgramSittingOutcomes.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such program in the tenant", ref = ProblemResponses.NOT_FOUND)
    public ProgramSittingOutcomes outcomes(@PathParam("id") String id) {
        String tenant = user.tenant();
        UUID programId = programId(id);
        if (!rounds.programExists(tenant, programId)) {
            throw ProblemException.notFound("Program " + id);
        }
        audit.record("program " + programId + " sitting outcomes");
        return rounds.view(tenant, programId, snapshots.teams(tenant));
    }

    private static UUID programId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Program " + id);
        }
    }
}
