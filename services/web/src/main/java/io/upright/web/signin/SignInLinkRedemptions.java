package io.upright.web.signin;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The reminders service, which hands out sign-in links, uses one up. No token: the link's own token is the credential.
 */
@RegisterRestClient(configKey = "reminders")
@Path("/api/sign-in-links/redemptions")
public interface SignInLinkRedemptions {

    record Redemption(String token) {
    }

    record Redeemed(String tenant, UUID employeeId, String path) {
    }

    @POST
    Redeemed redeem(Redemption redemption);
}
