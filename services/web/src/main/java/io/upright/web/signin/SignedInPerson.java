package io.upright.web.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is using the pages now, however they signed in: through the identity provider (their ID token names them) or
 * through a sign-in link from a reminder (then only their employee id is known, and only their own pages are open).
 */
@RequestScoped
@Named("person")
public class SignedInPerson {

    @Inject
    SecurityIdentity identity;

    /** The name to greet them with; empty when the sign-in did not say one. */
    public Optional<String> givenName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String given = token.getClaim("given_name");
            if (given != null && !given.isBlank()) {
                return Optional.of(given);
            }
        }
        return Optional.empty();
    }

    /** Their employee id in the services, from the identity provider's {@code employee_id} claim or the link. */
    public Optional<String> employeeId() {
        if (signedInByLink()) {
            return Optional.of(identity.getPrincipal().getName());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object id = token.getClaim("employee_id");
            return Optional.ofNullable(id == null ? null : id.toString());
        }
        return Optional.empty();
    }

    /**
     * True when they came in with a sign-in link from a reminder: their own everyday pages are open to them, but what
     * cannot be undone (erasing their data) asks for a full sign-in, since a link can be forwarded.
     */
    public boolean signedInByLink() {
        return identity.getAttribute(LinkSessionAuthentication.SIGNED_IN_BY_LINK) != null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The employee's own pages are theirs to use (the navigation shows them). */
    public boolean isEmployee() {
        return identity.hasRole("employee");
    }

    /** HR or an admin: the HR console is theirs to use (the navigation shows it). */
    public boolean isHrOrAdmin() {
        return identity.hasRole("hr") || identity.hasRole("admin");
    }

    /** An admin: the admin console is theirs to use (the navigation shows it). */
    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** A content editor: the content library's authoring pages are theirs to use (the navigation shows them). */
    public boolean isContentEditor() {
        return identity.hasRole("content-editor");
    }

    /** The access token the services are called with. */
    public String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("No access token for the signed-in person");
        }
        return credential.getToken();
    }
}
