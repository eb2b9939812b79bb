package io.upright.programs.roster;

import io.upright.platform.domain.FieldError;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/roster-imports")
@Tag(name = "Roster imports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class RosterImportResource {

    static final String TEXT_CSV = "text/csv";
    static final String CSV_EXAMPLE = "email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n"
            + "ada@example.com,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,@ada,true\n";

    /** The answer to a preview: what the import would do, row by row. */
    @Schema(name = "RosterPreview")
    public record PreviewView(@Schema(enumeration = {"preview", "dry-run"}) String mode,
                              @Schema(description = "true when an apply would be accepted") boolean valid,
                              RosterPlan.Summary summary,
                              @Schema(description = "problems with the file as a whole (header, quoting); then no rows") List<FieldError> fileErrors,
                              List<RosterPlan.TeamLine> teams,
                              List<RosterPlan.RowResult> rows,
                              @Schema(description = "enrolled now, absent from the file") List<RosterPlan.Leaver> leavers) {
    }

    @Inject
    RosterImports imports;

    @Inject
    CurrentUser user;

    @POST
    @Consumes({TEXT_CSV, MediaType.TEXT_PLAIN})
    @Operation(summary = "Preview (mode=preview or dry-run) or apply (mode=apply) a roster file: teams and employees "
            + "by email; apply is all-or-nothing and runs in the background")
    @RequestBody(content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Preview: every row with its action and errors",
            content = @Content(schema = @Schema(implementation = PreviewView.class)))
    @APIResponse(responseCode = "202", description = "Apply accepted: follow Location for progress and outcome",
            content = @Content(schema = @Schema(implementation = RosterImportView.class)))
    @APIResponse(responseCode = "400", description = "A row or the file has an error (lines[<line>].<column>); nothing is written",
            ref = ProblemResponses.BAD_REQUEST)
    public Response post(@QueryParam("mode") @DefaultValue("preview")
                         @Parameter(schema = @Schema(enumeration = {"preview", "dry-run", "apply"})) String mode,
                         @QueryParam("leavers") @DefaultValue("report")
                         @Parameter(description = "report (default) lists who is enrolled but absent from the file; mark "
                                 + "(admin only) also marks them left on apply",
                                 schema = @Schema(enumeration = {"report", "mark"})) String leavers,
                         String csv) {
        boolean markLeavers = leavers(leavers);
        switch (mode) {
            case "preview":
            case "dry-run":
                RosterPlan.Report report = imports.preview(user.tenant(), csv);
                return Response.ok(new PreviewView(mode, report.valid(), report.summary(), report.fileErrors(),
                        report.teams(), report.rows(), report.leavers())).build();
            case "apply":
                if (markLeavers && !user.hasRole(Roles.ADMIN)) {
                    // taking someone out of the program is an admin's decision everywhere else too
                    throw ProblemException.forbidden("Only an admin can mark leavers (leavers=mark); HR can import with "
                            + "leavers=report");
                }
                RosterImportView started = imports.start(user.tenant(), user.subject(), csv, markLeavers);
                return Response.accepted(started).location(URI.create("/api/roster-imports/" + started.id())).build();
            default:
                throw ProblemException.invalid("mode", "must be preview, dry-run or apply");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An applied import: status, rows done of total, and the outcome once finished")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = RosterImportView.class)))
    @APIResponse(responseCode = "404", description = "No such import in your tenant", ref = ProblemResponses.NOT_FOUND)
    public RosterImportView get(@PathParam("id") UUID id) {
        return imports.status(user.tenant(), id);
    }

    private static boolean leavers(String leavers) {
        if ("report".equals(leavers)) {
            return false;
        }
        if ("mark".equals(leavers)) {
            return true;
        }
        throw ProblemException.invalid("leavers", "must be report or mark");
    }
}
