package io.upright.assessments.identity;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.localinfra.TokenKeys;
import io.upright.testsupport.http.Api;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service given a JSON Web Key Set instead of one PEM key ({@code UPRIGHT_JWT_PUBLIC_KEY}) accepts tokens signed by
 * any key the set lists, chosen by the token's {@code kid}, so the signing key can be switched while tokens signed by
 * the previous one stay valid (docs/operations.md, section 2). A plain PEM keeps working: every other test here uses one.
 */
@QuarkusTest
@WithTestResource(value = KeySetInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class KeyRotationResourceTest {

    private static Path keySetDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class)).getParent();
    }

    private static DevTokens signingNow() {
        return DevTokens.inDirectory(keySetDirectory());
    }

    @Test
    void a_token_signed_by_either_key_of_the_set_is_accepted() {
        DevTokens previous = DevTokens.forTests();
        DevTokens current = signingNow();
        assertThat(current.keyId()).isNotEqualTo(previous.keyId());

        Api.as(previous.issue("acme", "hr-1", "hr")).get("/api/me/identity").then().statusCode(200)
                .body("subject", equalTo("hr-1"));
        Api.as(current.issue("acme", "hr-2", "hr")).get("/api/me/identity").then().statusCode(200)
                .body("subject", equalTo("hr-2"));
    }

    @Test
    void a_token_signed_by_a_key_the_set_does_not_list_is_refused() throws Exception {
        Path foreignKeys = Files.createTempDirectory("foreign-keys");
        DevTokens stranger = DevTokens.inDirectory(foreignKeys);
        String token = stranger.issue("acme", UUID.randomUUID().toString(), "employee");

        Api.as(token).get("/api/me/identity").then().statusCode(401);
        // naming a listed key's kid only chooses the key: the signature must still be that key's
        String listed = signingNow().keyId();
        Api.as(resignedNaming(listed, token, foreignKeys.resolve(TokenKeys.SIGNING_KEY)))
                .get("/api/me/identity").then().statusCode(401);
        Api.as(resignedNaming(listed, token, keySetDirectory().resolve(TokenKeys.SIGNING_KEY)))
                .get("/api/me/identity").then().statusCode(200);
    }

    @Test
    void a_token_naming_no_kid_is_refused_while_the_set_lists_more_than_one_key() throws Exception {
        // what a launcher from before key sets signed: docs/operations.md says to wait for those tokens to expire
        String token = signingNow().issue("acme", "hr-2", "hr");

        Api.as(resignedNaming(null, token, keySetDirectory().resolve(TokenKeys.SIGNING_KEY)))
                .get("/api/me/identity").then().statusCode(401);
    }

    /** The token's claims under a header naming {@code kid} (none if null), signed with the private key in {@code pem}. */
    private static String resignedNaming(String kid, String token, Path pem) throws Exception {
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        String header = base64Url.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"")
                + "}").getBytes(StandardCharsets.UTF_8));
        String payload = token.split("\\.")[1];
        String der = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der))));
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64Url.encodeToString(rsa.sign());
    }
}
