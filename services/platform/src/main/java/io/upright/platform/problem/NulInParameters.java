package io.upright.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/** The same rule for query and path parameters: a NUL is a 400 naming the parameter, never a database error. */
public class NulInParameters {

    @ServerRequestFilter(preMatching = false)
    public void rejectNul(ContainerRequestContext request) {
        check(request.getUriInfo().getQueryParameters());
        check(request.getUriInfo().getPathParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!StorableText.storable(value)) {
                    throw ProblemException.invalid(parameter.getKey(), StorableText.MESSAGE);
                }
            }
        }
    }
}
