package io.upright.platform.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(IdentityProviderTokensTest.WithIdentityProvider.class)
class IdentityProviderTokensTest {

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UprightTestInfrastructure.class, Map.of("database", "platform",
                            "topics", "upright.programs,upright.platform-test,upright.platform-test.dlq")),
                    new TestResourceEntry(SigningIdentityProvider.class));
        }
    }

    private final String tenant = "tenant-" + UUID.randomUUID();

    private Map<String, Object> claims(Instant issuedAt) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", SigningIdentityProvider.issuer());
        claims.put("aud", List.of("upright", "account"));
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("tenant", tenant);
        claims.put("groups", List.of("employee"));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(Duration.ofMinutes(30)).getEpochSecond());
        return claims;
    }

    private static int writeNote(String token) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"stand up\",\"priority\":2}")
                .post("/api/notes").then().extract().statusCode();
    }

    @Test
    void a_token_the_identity_provider_signed_for_upright_is_accepted_with_its_tenant_and_roles() {
        String token = SigningIdentityProvider.sign(claims(Instant.now()));

        String location = given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"stand up\",\"priority\":2}")
                .post("/api/notes").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(token).get(location).then().statusCode(200).body("text", equalTo("stand up"));
        // the note belongs to the tenant the provider named: another tenant's token does not see it
        given().auth().oauth2(DevTokens.forTests().issue("another-" + tenant, "admin", "admin")).get(location).then().statusCode(404);
    }

    @Test
    void the_employee_is_the_one_the_providers_employee_id_claim_names_not_its_own_user_id() {
        Map<String, Object> claims = claims(Instant.now());
        String employeeId = UUID.randomUUID().toString();
        claims.put("employee_id", employeeId);
        String token = SigningIdentityProvider.sign(claims);

        given().auth().oauth2(token).get("/api/personal-data-exports/" + employeeId).then().statusCode(200);
        given().auth().oauth2(token).get("/api/personal-data-exports/" + claims.get("sub")).then().statusCode(403);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        Map<String, Object> claims = claims(Instant.now());
        claims.put("aud", "account");

        assertThat(writeNote(SigningIdentityProvider.sign(claims))).isEqualTo(401);
    }

    @Test
    void a_token_issued_longer_ago_than_the_maximum_age_is_refused_though_it_has_not_expired() {
        assertThat(writeNote(SigningIdentityProvider.sign(claims(Instant.now().minus(Duration.ofMinutes(20)))))).isEqualTo(401);
        assertThat(writeNote(SigningIdentityProvider.sign(claims(Instant.now().minus(Duration.ofMinutes(5)))))).isEqualTo(201);
    }

    @Test
    void a_token_naming_the_provider_but_signed_by_a_key_it_never_published_is_refused() {
        assertThat(writeNote(SigningIdentityProvider.signWithAnotherKey(claims(Instant.now())))).isEqualTo(401);
    }

    @Test
    void a_token_the_web_front_end_made_for_someone_signed_in_by_link_is_accepted_with_its_own_key_only() {
        Map<String, Object> claims = claims(Instant.now());
        claims.put("iss", SigningIdentityProvider.linkIssuer());
        String employeeId = UUID.randomUUID().toString();
        claims.put("sub", employeeId);
        claims.put("employee_id", employeeId);

        given().auth().oauth2(SigningIdentityProvider.signAsLinks(claims)).get("/api/personal-data-exports/" + employeeId)
                .then().statusCode(200);
        // naming the links' issuer but signed with the identity provider's key, or too old: refused
        assertThat(writeNote(SigningIdentityProvider.sign(claims))).isEqualTo(401);
        Map<String, Object> old = new HashMap<>(claims);
        old.put("iat", Instant.now().minus(Duration.ofMinutes(20)).getEpochSecond());
        assertThat(writeNote(SigningIdentityProvider.signAsLinks(old))).isEqualTo(401);
        Map<String, Object> elsewhere = new HashMap<>(claims);
        elsewhere.put("aud", "account");
        assertThat(writeNote(SigningIdentityProvider.signAsLinks(elsewhere))).isEqualTo(401);
    }

    @Test
    void dev_tokens_still_work_for_tests_and_scripts() {
        assertThat(writeNote(DevTokens.forTests().issue(tenant, UUID.randomUUID().toString(), "employee"))).isEqualTo(201);
    }

    @Test
    void the_issuer_is_read_from_the_token_only_to_choose_the_check() {
        assertThat(IdentityProviderTokens.unverifiedIssuer("not a token")).isNull();
        assertThat(IdentityProviderTokens.unverifiedIssuer("a.!!!.c")).isNull();
        String token = SigningIdentityProvider.sign(claims(Instant.now()));
        assertThat(IdentityProviderTokens.unverifiedIssuer(token)).isEqualTo(SigningIdentityProvider.issuer());
    }
}
