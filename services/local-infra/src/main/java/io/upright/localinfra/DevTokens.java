package io.upright.localinfra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens the services accept ({@code iss}, {@code sub}, {@code tenant}, {@code groups}).
 * For local runs and tests only: production tokens come from the customer's identity provider.
 */
public final class DevTokens {

    public static final String ISSUER = "urn:upright";
    public static final String TEST_KEYS = "upright-test-keys/";
    /** No dev token lives longer, so a rotation can retire the previous key soon after the switch ({@link TokenKeys#PREVIOUS_KEY_KEPT}). */
    public static final Duration LONGEST_LIFETIME = Duration.ofHours(12);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens are checked by the services against the real time, whatever clock a test gives the domain. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    private final RSAPrivateCrtKey privateKey;
    /** Named in every token's header, so a service trusting a key set picks the key that verifies it. */
    private final String keyId;

    private DevTokens(RSAPrivateCrtKey privateKey) {
        this.privateKey = privateKey;
        this.keyId = TokenKeys.keyId(TokenKeys.publicHalf(privateKey));
    }

    /** The fixed key pair the test profiles of every service trust. */
    public static DevTokens forTests() {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(TEST_KEYS + "privateKey.pem")) {
            return new DevTokens(TokenKeys.parsePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs with the launcher's current key in {@code dir} ({@link TokenKeys}), generating a pair on first use. */
    public static DevTokens inDirectory(Path dir) {
        return new DevTokens(TokenKeys.in(dir).signingKey());
    }

    /** The public half of the current signing key alone (PEM); see {@link #keySetIn} for what the services should trust. */
    public static Path publicKeyIn(Path dir) {
        return dir.resolve(TokenKeys.SIGNING_PUBLIC_KEY);
    }

    /** The JSON Web Key Set the services verify with: the signing key and, during a rotation, the next or previous one. */
    public static Path keySetIn(Path dir) {
        return TokenKeys.in(dir).keySet();
    }

    /** The {@code kid} this signer's tokens carry. */
    public String keyId() {
        return keyId;
    }

    public String issue(String tenant, String subject, Duration lifetime, String... roles) {
        if (lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw new IllegalArgumentException("A dev token lives at most " + LONGEST_LIFETIME + ", not " + lifetime);
        }
        Instant now = Instant.now(WALL_CLOCK);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("tenant", tenant);
        claims.put("groups", List.of(roles));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String header = TokenKeys.base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
            String payload = TokenKeys.base64Url(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + TokenKeys.base64Url(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    public String issue(String tenant, String subject, String... roles) {
        return issue(tenant, subject, LONGEST_LIFETIME, roles);
    }
}
