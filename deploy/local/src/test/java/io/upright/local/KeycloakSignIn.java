package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a person in to Keycloak as a browser would, through the authorization-code flow with PKCE: the login page, the
 * form posted with their password, the redirect carrying the code, and the code exchanged for tokens by the web
 * client. No password grant: the realm does not allow one.
 */
final class KeycloakSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private KeycloakSignIn() {
    }

    /** The access token Keycloak issues to the web client for this person. */
    static String accessToken(UprightRealm realm, String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String redirectUri = realm.webUrl() + "/signed-in";
        String verifier = random(32);
        String state = random(16);
        String authorize = realm.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", UprightRealm.WEB_CLIENT, "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("No login form from Keycloak (" + loginPage.statusCode() + ")");
        }
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("Keycloak did not sign " + username + " in (" + signedIn.statusCode() + "): " + feedback(signedIn.body())));
        Map<String, String> answer = query(URI.create(location).getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("Keycloak's redirect carries no code for this sign-in: " + location);
        }
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(realm.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", redirectUri, "client_id", UprightRealm.WEB_CLIENT, "client_secret", realm.webClientSecret(),
                        "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the code: " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    /**
     * Keycloak marks its sign-in cookies {@code Secure}; browsers send those to {@code http://localhost} (a trustworthy
     * origin to them), the JDK's cookie manager only over https. This one keeps cookies as a browser does there.
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(asSecure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(asSecure(uri), headers);
        }

        private static URI asSecure(URI uri) {
            if (!"http".equals(uri.getScheme()) || !"localhost".equals(uri.getHost())) {
                return uri;
            }
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
            } catch (java.net.URISyntaxException e) {
                return uri;
            }
        }
    }

    /** What Keycloak's page says went wrong (its message line), for a failure's message. */
    private static String feedback(String page) {
        Matcher message = Pattern.compile("(?s)<(?:span|div|p)[^>]*(?:kc-feedback-text|instruction|alert)[^>]*>(.*?)</").matcher(page);
        return message.find() ? message.group(1).trim() : page.substring(0, Math.min(300, page.length()));
    }

    /** The claims of a token, read without checking it (the services check it). */
    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
