package io.upright.web.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises someone who signed in with a sign-in link, by the session cookie {@link LinkSignInPage} set. They are
 * an employee for their own pages and nothing more; without that cookie the identity provider's sign-in applies.
 */
@ApplicationScoped
public class LinkSessionAuthentication implements HttpAuthenticationMechanism {

    @Inject
    java.time.Clock clock;

    public static final String COOKIE = "upright-link-session";
    /** Marks an identity that came from a sign-in link (for pages that ask for a full sign-in). */
    public static final String SIGNED_IN_BY_LINK = "upright.signed-in-by-link";

    @Inject
    LinkSessionKeys keys;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(COOKIE);
        Optional<LinkSession> session = cookie == null ? Optional.empty() : keys.open(cookie.getValue());
        if (session.isEmpty() || !Instant.now(clock).isBefore(session.get().expiresAt())) {
            return Uni.createFrom().nullItem();
        }
        LinkSession person = session.get();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(person.employeeId()))
                .addRole("employee")
                .addCredential(new AccessTokenCredential(keys.accessToken(person)))
                .addAttribute(SIGNED_IN_BY_LINK, person)
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // no challenge of its own: someone without a session is sent to the identity provider
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // before the identity provider's mechanism, which would otherwise send the person off to sign in
        return DEFAULT_PRIORITY + 1000;
    }
}
