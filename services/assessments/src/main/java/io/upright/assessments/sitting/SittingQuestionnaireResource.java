package io.upright.assessments.sitting;

import io.quarkus.security.Authenticated;
import io.upright.assessments.sitting.SittingViews.QuestionnaireView;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sitting questionnaire as served: any signed-in person may read what employees are asked, and why. */
@Path("/api/sitting-questionnaire")
@Tag(name = "Sitting self-report")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Authenticated
public class SittingQuestionnaireResource {

    private static final QuestionnaireView CURRENT = QuestionnaireView.current();

    @GET
    @Operation(summary = "The sitting questionnaire (OSPAQ, in Upright's words): questions, ranges, why it is asked, its source")
    @APIResponse(responseCode = "200", description = "The current version; the ETag is its version",
            content = @Content(schema = @Schema(implementation = QuestionnaireView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    public Response current() {
        return Response.ok(CURRENT).tag(new EntityTag(Ospaq.VERSION)).build();
    }
}
