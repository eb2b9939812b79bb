package io.upright.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Every service accepts two kinds of bearer token: the organisation's identity provider's (people signed in through
 * the web front end; Keycloak locally) and the project's own dev tokens (tests and scripts, {@code ./upright token}).
 * A token naming the identity provider as its issuer is checked only against that provider: its signing keys (JWKS),
 * its issuer, the audience {@code upright}, and a maximum age since it was issued. Any other token is checked as
 * before, against the dev key and issuer. Which check applies is chosen by the unverified {@code iss}; the chosen
 * check then verifies everything, so a forged {@code iss} only picks a check the token must still pass.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class IdentityProviderTokens extends JWTCallerPrincipalFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    // one verifier per kind of token: a verifier keeps the key resolver it made for the first token it checked
    private final DefaultJWTCallerPrincipalFactory devTokenVerifier = new DefaultJWTCallerPrincipalFactory();
    private final DefaultJWTCallerPrincipalFactory providerVerifier = new DefaultJWTCallerPrincipalFactory();

    @ConfigProperty(name = "upright.identity-provider.issuer")
    Optional<String> issuer;

    /** The provider's signing keys; Keycloak publishes them at {@code <issuer>/protocol/openid-connect/certs}. */
    @ConfigProperty(name = "upright.identity-provider.jwks-url")
    Optional<String> jwksUrl;

    @ConfigProperty(name = "upright.identity-provider.audience", defaultValue = "upright")
    String audience;

    /** Older tokens are refused even before they expire: a stolen one is worth little for long. */
    @ConfigProperty(name = "upright.identity-provider.max-token-age", defaultValue = "PT15M")
    Duration maxTokenAge;

    private volatile JWTAuthContextInfo provider;

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo devTokens) throws ParseException {
        if (issuer.isPresent() && issuer.get().equals(unverifiedIssuer(token))) {
            return providerVerifier.parse(token, provider(devTokens));
        }
        return devTokenVerifier.parse(token, devTokens);
    }

    private JWTAuthContextInfo provider(JWTAuthContextInfo devTokens) {
        JWTAuthContextInfo info = provider;
        if (info == null) {
            info = new JWTAuthContextInfo(devTokens);
            // the dev key must not verify a token that names the provider
            info.setPublicVerificationKey(null);
            info.setPublicKeyContent(null);
            info.setPublicKeyLocation(jwksUrl.orElseGet(() -> issuer.get() + "/protocol/openid-connect/certs"));
            info.setIssuedBy(issuer.get());
            info.setExpectedAudience(Set.of(audience));
            info.setTokenAge(maxTokenAge.toSeconds());
            provider = info;
        }
        return info;
    }

    /** The {@code iss} claim as the token states it, before any check; null when it cannot be read. */
    static String unverifiedIssuer(String token) {
        if (token == null) {
            return null;
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            JsonNode iss = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second))).path("iss");
            return iss.isTextual() ? iss.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
