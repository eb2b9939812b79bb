package io.upright.localinfra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens are checked by the services against the real time, whatever clock a test gives the domain. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    private final PrivateKey privateKey;

    private DevTokens(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** The fixed key pair the test profiles of every service trust. */
    public static DevTokens forTests() {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(TEST_KEYS + "privateKey.pem")) {
            return new DevTokens(parsePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the launcher's key pair from {@code dir}, generating it on first use. */
    public static DevTokens inDirectory(Path dir) {
        Path privatePem = dir.resolve("privateKey.pem");
        try {
            if (!Files.exists(privatePem)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new DevTokens(parsePrivateKey(Files.readString(privatePem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path publicKeyIn(Path dir) {
        return dir.resolve("publicKey.pem");
    }

    public String issue(String tenant, String subject, Duration lifetime, String... roles) {
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
            String header = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64Url(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    public String issue(String tenant, String subject, String... roles) {
        return issue(tenant, subject, Duration.ofHours(12), roles);
    }

    private static PrivateKey parsePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
