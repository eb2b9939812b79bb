package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a person in to Keycloak as the web client would, through the authorization-code flow with PKCE: the login
 * page, the form posted with their password, the redirect carrying the code, and the code exchanged for tokens. No
 * password grant: the realm does not allow one.
 */
final class KeycloakSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakSignIn() {
    }

    /** The access token Keycloak issues to the web client for this person. */
    static String accessToken(UprightRealm realm, String username, String password) throws IOException, InterruptedException {
        TestBrowser browser = new TestBrowser();
        String redirectUri = realm.webUrl() + "/signed-in";
        String verifier = random(32);
        String state = random(16);
        String authorize = realm.issuer() + "/protocol/openid-connect/auth?" + TestBrowser.form(Map.of(
                "client_id", UprightRealm.WEB_CLIENT, "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> signedIn = browser.signIn(browser.open(URI.create(authorize)), username, password);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        Map<String, String> answer = query(URI.create(location).getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("Keycloak's redirect carries no code for this sign-in: " + location);
        }
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(realm.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestBrowser.form(Map.of("grant_type", "authorization_code",
                        "code", answer.get("code"), "redirect_uri", redirectUri, "client_id", UprightRealm.WEB_CLIENT,
                        "client_secret", realm.webClientSecret(), "code_verifier", verifier))))
                .build());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the code: " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    /** The claims of a token, read without checking it (the services check it). */
    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
