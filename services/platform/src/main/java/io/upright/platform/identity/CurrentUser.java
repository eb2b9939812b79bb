package io.upright.platform.identity;

import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling, read only from the verified bearer token. The tenant never comes from a path or a body,
 * so a request can only ever reach its own tenant's rows.
 */
@RequestScoped
public class CurrentUser {

    public static final String TENANT_CLAIM = "tenant";

    @Inject
    JsonWebToken token;

    public String tenant() {
        String tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The token names no tenant", List.of());
        }
        return tenant;
    }

    /** The caller's pseudonymous employee id: the token's {@code sub}. */
    public UUID employeeId() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The token's subject is not an employee id");
        }
    }

    public String subject() {
        return token.getSubject();
    }

    /** The caller's own bearer token, for the rare call made on their behalf (their data export). */
    public String rawToken() {
        return token.getRawToken();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }
}
