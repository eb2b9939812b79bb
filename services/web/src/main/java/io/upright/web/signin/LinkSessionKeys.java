package io.upright.web.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The key this front end signs with for people who signed in with a sign-in link: their session cookie, and the
 * short-lived employee token it calls the services with (the services trust this issuer's published keys, at
 * {@code <issuer>/jwks}). The two kinds name different audiences, so neither can stand in for the other.
 */
@ApplicationScoped
public class LinkSessionKeys {

    static final String SERVICES_AUDIENCE = "upright";
    static final String SESSION_AUDIENCE = "upright-web-link-session";
    private static final Logger LOG = Logger.getLogger(LinkSessionKeys.class);
    /** A token is made for each page view; five minutes cover the slowest page with room to spare. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    @ConfigProperty(name = "upright.web.sign-in-links.issuer")
    String issuer;

    @ConfigProperty(name = "upright.web.sign-in-links.signing-key-file")
    Optional<String> signingKeyFile;

    private RsaJsonWebKey key;
    private JwtConsumer sessions;

    @PostConstruct
    void init() {
        KeyPair pair = signingKeyFile.filter(f -> !f.isBlank()).map(LinkSessionKeys::read).orElseGet(() -> {
            // fine for one instance; several must share the key file, or each refuses the others' sessions
            LOG.warn("No UPRIGHT_WEB_LINK_SIGNING_KEY_FILE: sign-in link sessions are signed with a key made at start-up");
            return generate();
        });
        key = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        key.setPrivateKey(pair.getPrivate());
        key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        sessions = new JwtConsumerBuilder().setRequireExpirationTime().setRequireSubject().setExpectedIssuer(issuer)
                .setExpectedAudience(SESSION_AUDIENCE).setVerificationKey(key.getPublicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256).build();
    }

    /** The public half, as a JWKS, for the services. */
    public String jwks() {
        return new JsonWebKeySet(List.<JsonWebKey>of(key)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The cookie value that keeps a link session: signed, so it cannot be changed, and naming its own audience. */
    public String sessionCookie(LinkSession session) {
        JwtClaims claims = claims(session.employeeId(), session.tenant(), SESSION_AUDIENCE);
        claims.setExpirationTime(NumericDate.fromSeconds(session.expiresAt().getEpochSecond()));
        return sign(claims);
    }

    /** The session a cookie holds; empty when it is not ours, was changed, or has ended. */
    public Optional<LinkSession> open(String cookie) {
        try {
            JwtClaims claims = sessions.processToClaims(cookie);
            return Optional.of(new LinkSession(claims.getStringClaimValue("tenant"), claims.getSubject(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** An employee token for the services, for this person only, valid a few minutes. */
    public String accessToken(LinkSession session) {
        JwtClaims claims = claims(session.employeeId(), session.tenant(), SERVICES_AUDIENCE);
        claims.setExpirationTimeMinutesInTheFuture(TOKEN_LIFETIME.toMinutes());
        claims.setClaim("employee_id", session.employeeId());
        claims.setClaim("upn", session.employeeId());
        claims.setStringListClaim("groups", List.of("employee"));
        return sign(claims);
    }

    private JwtClaims claims(String employeeId, String tenant, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(employeeId);
        claims.setClaim("tenant", tenant);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a sign-in link session", e);
        }
    }

    private static KeyPair read(String file) {
        try {
            String pem = Files.readString(Path.of(file)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())), privateKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("Cannot read the sign-in link signing key from " + file
                    + " (an RSA private key, PKCS#8 PEM)", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
