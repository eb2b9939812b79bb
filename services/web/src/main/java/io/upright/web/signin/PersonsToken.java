package io.upright.web.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call to a service carries the signed-in person's own access token (the identity provider's, or the one a
 * sign-in link's session holds): the services decide what this person may see, never this front end.
 */
@ApplicationScoped
public class PersonsToken implements ClientRequestFilter {

    @Inject
    SignedInPerson person;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + person.accessToken());
    }
}
