package io.upright.reminders.slackapp;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * Installing the Slack app for a tenant: an admin asks for the "Add to Slack" link, approves in Slack, and Slack sends
 * the browser back to the callback, which has no bearer token: the single-use state ties it to the admin's tenant.
 */
@Path("/api/slack")
@Tag(name = "Slack app")
@Produces(MediaType.APPLICATION_JSON)
public class SlackAppResource {

    @Schema(name = "SlackInstallLink")
    public record InstallLinkView(
            @Schema(description = "Open in a browser to add Upright to the Slack workspace; valid once, until expiresAt") String authorizeUrl,
            Instant expiresAt) {
    }

    @Schema(name = "SlackInstallation")
    public record InstallationView(UUID id,
                                   @Schema(example = "T0123ABCD") String slackTeamId,
                                   @Schema(example = "Acme", nullable = true) String slackTeamName,
                                   @Schema(example = "active", enumeration = {"active", "disabled"}) String status,
                                   Instant installedAt) {
        static InstallationView of(SlackAppInstallationRecord r) {
            return new InstallationView(r.id, r.slackTeamId, r.slackTeamName, r.status, r.installedAt);
        }
    }

    @Inject
    SlackApps apps;

    @Inject
    CurrentUser user;

    @Inject
    SlackDirectory directory;

    @POST
    @Path("/installations")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Start adding the Slack app to the tenant's workspace: the Add to Slack link (OAuth v2)")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = InstallLinkView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The Slack app is not configured on this deployment", ref = ProblemResponses.CONFLICT)
    public InstallLinkView begin() {
        SlackApps.InstallLink link = apps.beginInstall(user.tenant());
        return new InstallLinkView(link.authorizeUrl(), link.expiresAt());
    }

    @GET
    @Path("/oauth/callback")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Where Slack sends the admin back after Add to Slack: the code becomes the workspace's bot token, stored sealed")
    @APIResponse(responseCode = "200", description = "Installed")
    @APIResponse(responseCode = "400", description = "Cancelled in Slack, or the state is unknown, used or expired, or Slack refused the code",
            ref = ProblemResponses.BAD_REQUEST)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error) {
        if (error != null) {
            throw io.upright.platform.problem.ProblemException.invalid("error", "Slack says the install did not go ahead (" + error + ")");
        }
        SlackAppInstallationRecord installed = apps.completeInstall(state, code);
        // find everyone in the workspace directory now, rather than one lookup per person at their first reminder
        directory.syncSoon(installed.tenantId);
        String workspace = installed.slackTeamName == null ? installed.slackTeamId : installed.slackTeamName;
        return Response.ok("Upright is installed in the Slack workspace " + workspace
                + ". Each employee now gets their break reminders as direct messages. You can close this tab.").build();
    }

    @GET
    @Path("/installation")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The tenant's active Slack app installation (never its token)")
    @APIResponse(responseCode = "200", description = "Installed", content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "404", description = "The app is not installed", ref = ProblemResponses.NOT_FOUND)
    public InstallationView installation() {
        return InstallationView.of(apps.active(user.tenant()));
    }

    @DELETE
    @Path("/installation")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Stop the Slack app's direct messages for the tenant (remove the app in Slack too)")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "404", description = "The app is not installed", ref = ProblemResponses.NOT_FOUND)
    public Response remove() {
        apps.remove(user.tenant());
        return Response.noContent().build();
    }
}
