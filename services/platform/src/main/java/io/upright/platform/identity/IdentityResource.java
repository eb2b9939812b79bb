package io.upright.platform.identity;

import io.quarkus.security.Authenticated;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Who the verified bearer token says is calling, in every service: the same reading every other operation starts
 * from ({@link CurrentUser}), and nothing stored. Clients learn their tenant and roles without decoding the token;
 * the REST benchmark uses it as the authenticated no-op beside each read (docs/benchmarks.md).
 */
@Path("/api/me/identity")
@Tag(name = "Identity", description = "Who my bearer token says I am")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Authenticated
public class IdentityResource {

    @Schema(name = "CallerIdentity")
    public record CallerIdentity(
            @Schema(example = "acme") String tenant,
            @Schema(description = "The token's `sub`: an employee's pseudonymous id in dev tokens, the identity provider's "
                    + "own user id in its tokens", example = "4b0f6c1e-93d2-4a57-9a0e-2f8c1d7e6b35") String subject,
            @Schema(description = "The token's `groups`, sorted", example = "[\"employee\"]") List<String> roles) {
    }

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Who I am: the tenant, subject and roles of my verified token",
            description = "Reads the token only, nothing stored, so it answers the same in every service.")
    @APIResponse(responseCode = "200", description = "The token's tenant, subject and roles",
            content = @Content(schema = @Schema(implementation = CallerIdentity.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or a token naming no tenant", ref = ProblemResponses.UNAUTHORIZED)
    public CallerIdentity identity() {
        return new CallerIdentity(user.tenant(), user.subject(), user.roles());
    }
}
