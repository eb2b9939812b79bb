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
 * Every service accepts three kinds of bearer token: the organisation's identity provider's (people signed in through
 * the web front end; Keycloak locally), the web front end's own for people it signed in with a sign-in link (their
 * own pages only: an employee token, minted per request), and the project's own dev tokens (tests and scripts,
 * {@code ./upright token}). A token naming the identity provider or the sign-in links as its issuer is checked only
 * against that issuer: its signing keys (JWKS), the issuer, the audience {@code upright}, and a maximum age since it
 * was issued. Any other token is checked as before, against the dev key and issuer. Which check applies is chosen by
 * the unverified {@code iss}; the chosen check then verifies everything, so a forged {@code iss} only picks a check
 * the token must still pass.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class IdentityProviderTokens extends JWTCallerPrincipalFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    // one verifier per kind of token: a verifier keeps the key resolver it made for the first token it checked
    private final DefaultJWTCallerPrincipalFactory devTokenVerifier = new DefaultJWTCallerPrincipalFactory();
    private final DefaultJWTCallerPrincipalFactory providerVerifier = new DefaultJWTCallerPrincipalFactory();
    private final DefaultJWTCallerPrincipalFactory linkVerifier = new DefaultJWTCallerPrincipalFactory();

    @ConfigProperty(name = "upright.identity-provider.issuer")
    Optional<String> issuer;

    /** The provider's signing keys; Keycloak publishes them at {@code <issuer>/protocol/openid-connect/certs}. */
    @ConfigProperty(name = "upright.identity-provider.jwks-url")
    Optional<String> jwksUrl;

    /** The web front end's issuer for people signed in with a sign-in link; its keys are at {@code <issuer>/jwks}. */
    @ConfigProperty(name = "upright.sign-in-links.issuer")
    Optional<String> linkIssuer;

    /** Where to fetch those keys when the services reach the web front end by another address than browsers do. */
    @ConfigProperty(name = "upright.sign-in-links.jwks-url")
    Optional<String> linkJwksUrl;

    @ConfigProperty(name = "upright.identity-provider.audience", defaultValue = "upright")
    String audience;

    /** Older tokens are refused even before they expire: a stolen one is worth little for long. */
    @ConfigProperty(name = "upright.identity-provider.max-token-age", defaultValue = "PT15M")
    Duration maxTokenAge;

    private volatile JWTAuthContextInfo provider;
    private volatile JWTAuthContextInfo links;

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo devTokens) throws ParseException {
        String stated = unverifiedIssuer(token);
        if (issuer.isPresent() && issuer.get().equals(stated)) {
            JWTAuthContextInfo info = provider;
            if (info == null) {
                info = provider = checkedAgainst(devTokens, issuer.get(),
                        jwksUrl.orElseGet(() -> issuer.get() + "/protocol/openid-connect/certs"));
            }
            return providerVerifier.parse(token, info);
        }
        if (linkIssuer.isPresent() && linkIssuer.get().equals(stated)) {
            JWTAuthContextInfo info = links;
            if (info == null) {
                info = links = checkedAgainst(devTokens, linkIssuer.get(), linkJwksUrl.orElseGet(() -> linkIssuer.get() + "/jwks"));
            }
            return linkVerifier.parse(token, info);
        }
        return devTokenVerifier.parse(token, devTokens);
    }

    private JWTAuthContextInfo checkedAgainst(JWTAuthContextInfo devTokens, String expectedIssuer, String keys) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(devTokens);
        // the dev key must not verify a token that names another issuer
        info.setPublicVerificationKey(null);
        info.setPublicKeyContent(null);
        info.setPublicKeyLocation(keys);
        info.setIssuedBy(expectedIssuer);
        info.setExpectedAudience(Set.of(audience));
        info.setTokenAge(maxTokenAge.toSeconds());
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
