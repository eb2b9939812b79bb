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
    /**
     * The identity provider names the person's employee id in its own claim (its {@code sub} is its own user id);
     * dev tokens carry the employee id as {@code sub}.
     */
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    @Inject
    JsonWebToken token;

    public String tenant() {
        String tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The token names no tenant", List.of());
        }
        return tenant;
    }

    /** The caller's pseudonymous employee id: the token's {@code employee_id}, else its {@code sub}. */
    public UUID employeeId() {
        String named = token.getClaim(EMPLOYEE_ID_CLAIM);
        try {
            return UUID.fromString(named != null && !named.isBlank() ? named : token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The token's subject is not an employee id");
        }
    }

    /** Whether the caller is this employee, signed in as themselves. */
    public boolean isEmployee(UUID employeeId) {
        if (!hasRole(Roles.EMPLOYEE)) {
            return false;
        }
        try {
            return employeeId().equals(employeeId);
        } catch (ProblemException e) {
            return false;
        }
    }

    public String subject() {
        return token.getSubject();
    }

    /** The caller's own bearer token, for the rare call made on their behalf (their data export). */
    public String rawToken() {
        return token.getRawToken();
    }

    /** The token's roles ({@code groups}), sorted; empty when it names none. */
    public List<String> roles() {
        return token.getGroups() == null ? List.of() : token.getGroups().stream().sorted().toList();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }
}
