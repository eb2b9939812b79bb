package io.upright.platform.deadletter;

import io.upright.platform.api.Page;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The operator's view of this service's dead-letter topic (docs/architecture.md, Dead letters). Every service has it
 * from the platform; the topic comes from its channels' configuration. Operators only: dead letters cross every
 * tenant. Bodies never leave the service.
 */
@Path("/api/operator/dead-letters")
@Tag(name = "Dead letters", description = "Operator only: this service's dead-letter topic, listed without record bodies, and redrives")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.OPERATOR)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    @Inject
    Redriver redriver;

    @GET
    @Operation(summary = "List this service's dead letters, by partition then offset (operator)",
            description = "Each record of the dead-letter topic with where it came from, why it failed, its CloudEvent id, "
                    + "type and tenant, and what its redrives did. The record body and key are never included: a body may "
                    + "hold an employee's health data (sealed or not). Ordered by dead-letter partition, then offset.")
    @APIResponse(responseCode = "400", description = "Invalid page or size", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an operator", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public Page<DeadLetterView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return redriver.list(page, size);
    }

    @GET
    @Path("/count")
    @Operation(summary = "Count this service's dead letters and those still pending a redrive (operator)")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = DeadLetterCount.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an operator", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public DeadLetterCount count() {
        return redriver.count();
    }

    @POST
    @Path("/{partition}/{offset}/redrive")
    @Operation(summary = "Redrive one dead letter through the inbox, as if consumed again (operator)",
            description = "Hands the original record to this service's consumer of its topic. Idempotent: a record "
                    + "already applied is reported `already-applied` and nothing happens. A record that fails again is "
                    + "reported `failed-again` with the reason and stays listed; it is not published to the "
                    + "dead-letter topic a second time.")
    @APIResponse(responseCode = "200", description = "What the redrive did",
            content = @Content(schema = @Schema(implementation = RedriveOutcome.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an operator", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "The dead-letter topic holds no record at this partition and offset", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "No consumer of this service reads the record's topic, the record names "
            + "no origin, or another redrive is running", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public RedriveOutcome redrive(
            @Parameter(description = "Partition of the dead-letter topic", example = "0") @PathParam("partition") @Min(0) int partition,
            @Parameter(description = "Offset in that partition", example = "0") @PathParam("offset") @Min(0) long offset) {
        return redriver.redrive(partition, offset);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Redrive every pending dead letter (never redriven, or failed again) through the inbox (operator)",
            description = "In partition and offset order, one at a time. Records already applied are skipped by the "
                    + "inbox; those that fail again are reported and stay listed.")
    @APIResponse(responseCode = "200", description = "What the redrive did, record by record",
            content = @Content(schema = @Schema(implementation = RedriveReport.class)))
    @APIResponse(responseCode = "401", description = "No valid token", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not an operator", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "Another redrive is running", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", description = "Kafka did not answer in time", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public RedriveReport redriveAll() {
        return redriver.redriveAll();
    }

    /** The broker away is not the caller's fault, nor a defect: a 503 they can retry, not a 500 incident. */
    @ServerExceptionMapper
    public Response unavailable(DeadLetterQueue.Unavailable e, UriInfo uri) {
        LOG.warnf("Dead-letter topic unavailable: %s", e.getMessage());
        Problem problem = Problem.of(503, "service-unavailable", "Service unavailable",
                "Kafka did not answer in time; nothing was changed, try again").at(uri.getPath());
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
