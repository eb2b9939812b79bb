package io.upright.web.signin;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call to a service carries the signed-in person's own access token, the one the identity provider issued at
 * sign-in: the services decide what this person may see, never this front end.
 */
@ApplicationScoped
public class PersonsToken implements ClientRequestFilter {

    @Inject
    Instance<AccessTokenCredential> accessToken;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.get().getToken());
    }
}
