package io.upright.insights.settings;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/insights/settings")
@Tag(name = "Insights settings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class SettingsResource {

    @Schema(name = "InsightsSettings", description = "The tenant's privacy settings")
    public record Settings(
            @NotNull @Schema(description = "Smallest group of people any figure may describe; at least the service's "
                    + "threshold (5 by default): a tenant's admin may raise it, never below the service's", example = "8", required = true)
            Integer anonymityThreshold) {
    }

    @Inject
    TenantSettings settings;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The tenant's anonymity threshold")
    @APIResponse(responseCode = "200", description = "Settings", content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    public Settings get() {
        return new Settings(settings.policyFor(user.tenant()).threshold());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the tenant's anonymity threshold (admin only; a value below the service's is refused); "
            + "every change is recorded")
    @APIResponse(responseCode = "200", description = "Settings now in force", content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "anonymityThreshold missing or below the minimum", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an admin: HR reads the figures and so may not choose how small a group they describe",
            ref = ProblemResponses.FORBIDDEN)
    public Settings put(@Valid @NotNull Settings body) {
        return new Settings(settings.setThreshold(user.tenant(), body.anonymityThreshold(), user.subject()).threshold());
    }

    @GET
    @Path("/threshold-changes")
    @Operation(summary = "Every change of the tenant's anonymity threshold, newest first: who, when, from what, to what")
    @APIResponse(responseCode = "200", description = "The audit trail; empty while the service's threshold has always been in force",
            content = @Content(schema = @Schema(implementation = TenantSettings.ThresholdChange.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not hr or admin", ref = ProblemResponses.FORBIDDEN)
    public List<TenantSettings.ThresholdChange> changes() {
        return settings.changes(user.tenant());
    }
}
