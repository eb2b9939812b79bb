package io.upright.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An identity provider's side of token signing, for the services' check of its tokens: a key pair, and its public
 * half published as a JWKS at the path Keycloak uses. Tokens are signed here with whatever claims a test needs. (The
 * real Keycloak signs in the web front end's browser tests; this one lets a test make tokens Keycloak would not.)
 */
public class SigningIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "test-idp-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private static String issuer;
    // the web front end's own signer for people signed in with a sign-in link: another issuer, another key
    private static KeyPair linkKeys;
    private static String linkIssuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            keys = newKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/upright";
            byte[] jwks = JSON.writeValueAsBytes(Map.of("keys", List.of(jwk((RSAPublicKey) keys.getPublic()))));
            server.createContext("/realms/upright/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            linkKeys = newKeyPair();
            linkIssuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/sign-in-links";
            byte[] linkJwks = JSON.writeValueAsBytes(Map.of("keys", List.of(jwk((RSAPublicKey) linkKeys.getPublic()))));
            server.createContext("/sign-in-links/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, linkJwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(linkJwks);
                }
            });
            server.start();
            return Map.of("upright.identity-provider.issuer", issuer, "upright.sign-in-links.issuer", linkIssuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String issuer() {
        return issuer;
    }

    static String linkIssuer() {
        return linkIssuer;
    }

    /** A token with these claims, signed by the sign-in links' published key. */
    static String signAsLinks(Map<String, Object> claims) {
        return sign(claims, linkKeys.getPrivate());
    }

    /** A token with these claims, signed by the provider's published key. */
    static String sign(Map<String, Object> claims) {
        return sign(claims, keys.getPrivate());
    }

    /** A token with these claims, signed by a key the provider never published. */
    static String signWithAnotherKey(Map<String, Object> claims) {
        return sign(claims, newKeyPair().getPrivate());
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            String header = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)));
            String payload = base64Url(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> jwk(RSAPublicKey key) {
        return Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256",
                "n", base64Url(unsigned(key.getModulus())), "e", base64Url(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
