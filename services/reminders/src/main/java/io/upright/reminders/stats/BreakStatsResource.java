package io.upright.reminders.stats;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me/break-stats")
@Tag(name = "My reminders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class BreakStatsResource {

    @Inject
    BreakStats stats;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "My break statistics: taken / snoozed / skipped / expired, and active minutes per local day against my program's daily target")
    @APIResponse(responseCode = "200", description = "Statistics", content = @Content(schema = @Schema(implementation = BreakStats.Stats.class)))
    @APIResponse(responseCode = "400", description = "from or to not a date, from after to, or more than 92 days", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "Not enrolled", ref = ProblemResponses.NOT_FOUND)
    public BreakStats.Stats get(@Parameter(description = "First local date (yyyy-MM-dd); default: six days before to") @QueryParam("from") String from,
                                @Parameter(description = "Last local date (yyyy-MM-dd); default: today in my zone") @QueryParam("to") String to) {
        return stats.of(user.tenant(), user.employeeId(), from, to);
    }
}
