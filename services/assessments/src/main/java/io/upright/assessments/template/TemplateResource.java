package io.upright.assessments.template;

import io.upright.platform.api.ETags;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/checklist-templates")
@Tag(name = "Checklist templates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
// HR and admins plan campaigns on the templates; a template is the same questions for everyone and holds no one's answers
@RolesAllowed({Roles.EMPLOYEE, Roles.HR, Roles.ADMIN})
public class TemplateResource {

    @Schema(name = "ChecklistTemplateSummary")
    public record TemplateSummary(@Schema(example = "workstation-basics") String id,
                                  @Schema(example = "1") int version,
                                  @Schema(example = "Workstation basics") String title) {
    }

    @Inject
    ChecklistTemplates templates;

    @GET
    @Operation(summary = "List the checklist templates (latest version of each), ordered by id")
    @APIResponse(responseCode = "200", description = "The templates",
            content = @Content(schema = @Schema(implementation = TemplateSummary.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an employee, HR or an admin", ref = ProblemResponses.FORBIDDEN)
    public List<TemplateSummary> list() {
        return templates.latestVersions().stream().map(t -> new TemplateSummary(t.id(), t.version(), t.title())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read the latest version of a checklist template with all its questions")
    @APIResponse(responseCode = "200", description = "The template; the ETag is its version",
            content = @Content(schema = @Schema(implementation = ChecklistTemplate.class)))
    @APIResponse(responseCode = "404", description = "No such template", ref = ProblemResponses.NOT_FOUND)
    public Response latest(@PathParam("id") String id) {
        ChecklistTemplate template = templates.latest(id);
        return Response.ok(template).tag(ETags.of(template.version())).build();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "Read one published version of a checklist template")
    @APIResponse(responseCode = "200", description = "The template version",
            content = @Content(schema = @Schema(implementation = ChecklistTemplate.class)))
    @APIResponse(responseCode = "404", description = "No such template version", ref = ProblemResponses.NOT_FOUND)
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        ChecklistTemplate template = templates.version(id, version);
        return Response.ok(template).tag(ETags.of(template.version())).build();
    }
}
