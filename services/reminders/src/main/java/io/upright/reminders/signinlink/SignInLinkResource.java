package io.upright.reminders.signinlink;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sign-in links to the web front end. The person asks for one for themselves (with their token), or Slack's
 * {@code /upright check} hands one out; the web front end redeems it, once, with the link's token as the only
 * credential.
 */
@Path("/api")
@Tag(name = "Sign-in links")
@Produces(MediaType.APPLICATION_JSON)
public class SignInLinkResource {

    @Inject
    SignInLinks links;

    @Inject
    CurrentUser user;

    /** Which of my pages the link opens. */
    public record LinkRequest(@Schema(description = "home, desk-check, routine, sitting or settings; default desk-check", example = "desk-check") String destination) {
    }

    public record LinkIssued(@Schema(example = "https://upright.example.com/link/Zm9v…") String url,
                             @Schema(example = "2026-12-06T09:45:00Z") Instant expiresAt) {
    }

    public record Redemption(@Schema(description = "The token at the end of the link", required = true) String token) {
    }

    public record Redeemed(String tenant, UUID employeeId,
                           @Schema(description = "The web front end's path of the page to open", example = "/desk-check") String path) {
    }

    @POST
    @Path("/me/sign-in-links")
    @RolesAllowed(Roles.EMPLOYEE)
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A sign-in link to one of my pages of the web front end: it works once, for 15 minutes")
    @APIResponse(responseCode = "201", description = "The link", content = @Content(schema = @Schema(implementation = LinkIssued.class)))
    @APIResponse(responseCode = "400", description = "Unknown destination", ref = ProblemResponses.BAD_REQUEST)
    public Response issue(@RequestBody(content = @Content(schema = @Schema(implementation = LinkRequest.class))) LinkRequest request) {
        Destination destination = request == null || request.destination() == null ? Destination.DESK_CHECK
                : Destination.ofCode(request.destination()).orElseThrow(() -> ProblemException.invalid("destination",
                "must be one of " + Arrays.stream(Destination.values()).map(Destination::code).collect(Collectors.joining(", "))));
        SignInLinks.Issued issued = links.issue(user.tenant(), user.employeeId(), destination);
        return Response.created(URI.create(issued.url())).entity(new LinkIssued(issued.url(), issued.expiresAt())).build();
    }

    @POST
    @Path("/sign-in-links/redemptions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Use a sign-in link up (the web front end does, when its person opens it): who it signs in, and where to")
    @APIResponse(responseCode = "200", description = "The link was good, and is now used", content = @Content(schema = @Schema(implementation = Redeemed.class)))
    @APIResponse(responseCode = "400", description = "No token", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "Not a link of ours", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "410", description = "Expired or used already", ref = ProblemResponses.GONE)
    public Redeemed redeem(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = Redemption.class))) Redemption redemption) {
        if (redemption == null || redemption.token() == null || redemption.token().isBlank()) {
            throw ProblemException.invalid("token", "is required");
        }
        SignInLinks.Redeemed redeemed = links.redeem(redemption.token());
        return new Redeemed(redeemed.tenant(), redeemed.employeeId(), redeemed.destination().path());
    }
}
