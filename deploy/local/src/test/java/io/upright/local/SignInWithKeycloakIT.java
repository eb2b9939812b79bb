package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in at a real Keycloak (the distribution from Maven Central, as {@code ./upright up} runs it) through the
 * authorization-code flow, and the packaged services accept the tokens it issues: tenant, roles and employee id come
 * from the realm's mappers; a token altered in transit is refused, and dev tokens still serve scripts.
 */
class SignInWithKeycloakIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static UprightRealm realm;
    private static final String TENANT = "kc-" + UUID.randomUUID().toString().substring(0, 8);
    // usernames are unique across the shared realm
    private static final String HANNA = "hanna.hr." + TENANT;
    private static final String EMIL = "emil." + TENANT;

    @BeforeAll
    static void start() throws Exception {
        // the stack every web-page test shares: the packaged services and Keycloak with the upright realm
        stack = WebPagesStack.shared().stack;
        realm = stack.requireIdentityProvider();
        realm.addPeople(List.of(new UprightRealm.Person(HANNA, "hanna.hr@" + TENANT + ".example", "Hanna", "Roth",
                "hr-password-1", TENANT, null, List.of("hr"))));
    }

    @Test
    void hr_signed_in_at_keycloak_forms_a_team_and_the_employee_enrolled_there_reads_their_own_assessments() throws Exception {
        String hr = KeycloakSignIn.accessToken(realm, HANNA, "hr-password-1");
        JsonNode claims = KeycloakSignIn.claims(hr);
        assertThat(claims.path("iss").asText()).isEqualTo(realm.issuer());
        assertThat(claims.path("tenant").asText()).isEqualTo(TENANT);
        assertThat(claims.path("groups").toString()).contains("\"hr\"");
        assertThat(claims.path("aud").toString()).contains("\"upright\"");

        HttpResponse<String> team = post("programs", "/api/teams", hr, "{\"name\":\"Finance\"}");
        assertThat(team.statusCode()).isEqualTo(201);
        String teamId = Api.JSON.readTree(team.body()).path("id").asText();
        HttpResponse<String> enrolled = post("programs", "/api/teams/" + teamId + "/employees", hr,
                "{\"displayName\":\"Emil Berg\",\"email\":\"emil@" + TENANT + ".example\",\"timeZone\":\"Europe/Berlin\","
                        + "\"workdayStart\":\"09:00\",\"workdayEnd\":\"17:00\"}");
        assertThat(enrolled.statusCode()).isEqualTo(201);
        String employeeId = Api.JSON.readTree(enrolled.body()).path("id").asText();

        // the platform team provisions the person with the employee id programs gave them
        realm.addPeople(List.of(new UprightRealm.Person(EMIL, "emil@" + TENANT + ".example", "Emil", "Berg",
                "employee-password-1", TENANT, employeeId, List.of("employee"))));
        String employee = KeycloakSignIn.accessToken(realm, EMIL, "employee-password-1");
        assertThat(KeycloakSignIn.claims(employee).path("employee_id").asText()).isEqualTo(employeeId);
        assertThat(KeycloakSignIn.claims(employee).path("sub").asText()).isNotEqualTo(employeeId);

        assertThat(get("assessments", "/api/me/assessments", employee).statusCode()).isEqualTo(200);
        // the employee is no HR: the team list stays closed to them
        assertThat(get("programs", "/api/teams", employee).statusCode()).isEqualTo(403);
        assertThat(get("programs", "/api/teams", hr).statusCode()).isEqualTo(200);
    }

    @Test
    void a_keycloak_token_altered_in_transit_is_refused() throws Exception {
        String hr = KeycloakSignIn.accessToken(realm, HANNA, "hr-password-1");
        String[] parts = hr.split("\\.");
        JsonNode claims = KeycloakSignIn.claims(hr);
        String otherTenant = claims.toString().replace(TENANT, "someone-else");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherTenant.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(get("programs", "/api/teams", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void a_dev_token_is_still_accepted_for_scripts() throws Exception {
        assertThat(get("programs", "/api/teams", stack.tokens().issue(TENANT, "script", "hr")).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String service, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String service, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
