package io.upright.local;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * What a browser does in a sign-in, no more: keeps cookies (treating {@code http://localhost} as a trustworthy origin,
 * as browsers do, so Keycloak's {@code Secure} cookies are sent back), follows redirects one by one, and submits
 * Keycloak's login form.
 */
final class TestBrowser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A page and the address it was finally served from. */
    record Page(URI uri, int status, String body, HttpResponse<String> response) {

        /** The page parsed as a browser would. */
        Document document() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET, following redirects. */
    Page open(URI uri) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(uri).GET().build()));
    }

    /** Follows a redirect chain to the page it ends on. */
    Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() / 100 != 3) {
                return new Page(response.uri(), response.statusCode(), response.body(), response);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        throw new IllegalStateException("More than 10 redirects from " + response.uri());
    }

    /**
     * Submits the form that {@code formSelector} (CSS) finds on {@code page}, as a browser would: its fields with their
     * current values (hidden ones, such as the CSRF token, included; checked boxes and radios, selected options), with
     * {@code changes} typed over them; a {@code null} value unticks or clears the field. Follows the answer's redirects.
     */
    Page submit(Page page, String formSelector, Map<String, String> changes) throws IOException, InterruptedException {
        Element found = page.document().selectFirst(formSelector);
        if (!(found instanceof FormElement form)) {
            throw new IllegalStateException("No form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        java.util.Set<String> changed = new java.util.HashSet<>(changes.keySet());
        for (org.jsoup.Connection.KeyVal value : form.formData()) {
            if (!changed.contains(value.key())) {
                fields.add(Map.entry(value.key(), value.value()));
            }
        }
        changes.forEach((name, value) -> {
            if (value != null) {
                fields.add(Map.entry(name, value));
            }
        });
        String action = form.attr("action").isEmpty() ? page.uri().toString() : form.absUrl("action");
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /** Submits Keycloak's login form on {@code loginPage}; answers Keycloak's response, not followed. */
    HttpResponse<String> signIn(Page loginPage, String username, String password) throws IOException, InterruptedException {
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        if (loginPage.status() != 200 || !action.find()) {
            throw new IllegalStateException("No Keycloak login form at " + loginPage.uri() + " (" + loginPage.status() + ")");
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", ""))))
                .build());
        if (answer.statusCode() / 100 != 3) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in (" + answer.statusCode() + "): " + feedback(answer.body()));
        }
        return answer;
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** What Keycloak's page says went wrong (its message line), for a failure's message. */
    private static String feedback(String page) {
        Matcher message = Pattern.compile("(?s)<(?:span|div|p)[^>]*(?:kc-feedback-text|instruction|alert)[^>]*>(.*?)</").matcher(page);
        return message.find() ? message.group(1).trim() : page.substring(0, Math.min(300, page.length()));
    }

    /**
     * Keycloak marks its sign-in cookies {@code Secure}; browsers send those to {@code http://localhost}, the JDK's
     * cookie manager only over https. This one keeps cookies as a browser does there.
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
}
