package io.upright.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.localinfra.TokenKeys.Listed;
import io.upright.localinfra.TokenKeys.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SWITCHED = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_fresh_directory_gets_a_signing_pair_and_a_key_set_that_verifies_its_tokens_by_their_kid() throws Exception {
        DevTokens tokens = DevTokens.inDirectory(dir);
        String token = tokens.issue("acme", "hr-1", "hr");

        assertThat(header(token).path("kid").asText()).isEqualTo(tokens.keyId());
        assertThat(TokenKeys.in(dir).list()).containsExactly(new Listed(tokens.keyId(), Role.SIGNING));
        assertThat(verifiesWithListedKey(token)).isTrue();
        assertThat(Files.readString(DevTokens.publicKeyIn(dir))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve(TokenKeys.SIGNING_KEY)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void a_directory_from_before_key_sets_keeps_its_pair_and_gets_it_listed() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(dir.resolve("privateKey.pem"), TokenKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("publicKey.pem"), TokenKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        DevTokens tokens = DevTokens.inDirectory(dir);

        assertThat(tokens.keyId()).isEqualTo(TokenKeys.keyId((RSAPublicKey) pair.getPublic()));
        assertThat(TokenKeys.in(dir).list()).containsExactly(new Listed(tokens.keyId(), Role.SIGNING));
        assertThat(verifiesWithListedKey(tokens.issue("acme", "hr-1", "hr"))).isTrue();
    }

    @Test
    void the_old_key_stays_listed_while_the_new_one_is_published_and_then_signs_until_the_old_one_is_retired() throws Exception {
        DevTokens before = DevTokens.inDirectory(dir);
        String oldToken = before.issue("acme", "hr-1", "hr");
        TokenKeys keys = TokenKeys.in(dir);

        // step 1: the next key is trusted, but nothing is signed with it yet
        String next = keys.publishNext();
        assertThat(keys.list()).containsExactly(new Listed(before.keyId(), Role.SIGNING), new Listed(next, Role.NEXT));
        assertThat(DevTokens.inDirectory(dir).keyId()).isEqualTo(before.keyId());

        // step 2: new tokens carry the new key; the old tokens still verify against the set
        assertThat(keys.switchToNext(SWITCHED)).isEqualTo(next);
        DevTokens after = DevTokens.inDirectory(dir);
        String newToken = after.issue("acme", "hr-1", "hr");
        assertThat(after.keyId()).isEqualTo(next);
        assertThat(keys.list()).containsExactly(new Listed(before.keyId(), Role.PREVIOUS), new Listed(next, Role.SIGNING));
        assertThat(verifiesWithListedKey(oldToken)).isTrue();
        assertThat(verifiesWithListedKey(newToken)).isTrue();
        assertThat(Files.exists(dir.resolve(TokenKeys.NEXT_KEY))).isFalse();
        assertThat(Files.readString(DevTokens.publicKeyIn(dir))).isEqualTo(
                TokenKeys.pem("PUBLIC KEY", TokenKeys.publicHalf(TokenKeys.in(dir).signingKey()).getEncoded()));

        // step 3: only once the old tokens have expired
        Instant safe = SWITCHED.plus(TokenKeys.PREVIOUS_KEY_KEPT);
        assertThatThrownBy(() -> keys.retirePrevious(safe.minusSeconds(1), false)).hasMessageContaining(safe.toString());
        assertThat(keys.retirePrevious(safe, false)).containsExactly(before.keyId());
        assertThat(keys.list()).containsExactly(new Listed(next, Role.SIGNING));
        assertThat(verifiesWithListedKey(oldToken)).isFalse();
        assertThat(verifiesWithListedKey(newToken)).isTrue();
    }

    @Test
    void after_a_leak_the_previous_key_can_be_retired_at_once() {
        TokenKeys keys = TokenKeys.in(dir);
        String leaked = DevTokens.inDirectory(dir).keyId();
        keys.publishNext();
        keys.switchToNext(SWITCHED);

        assertThat(keys.retirePrevious(SWITCHED.plusSeconds(60), true)).containsExactly(leaked);
        assertThat(keys.list()).extracting(Listed::keyId).doesNotContain(leaked);
    }

    @Test
    void switching_is_refused_until_a_next_key_was_published_and_publishing_twice_keeps_one_next_key() {
        TokenKeys keys = TokenKeys.in(dir);
        assertThatThrownBy(() -> keys.switchToNext(SWITCHED)).hasMessageContaining("keys next");

        String next = keys.publishNext();
        assertThat(keys.publishNext()).isEqualTo(next);
        assertThat(keys.list()).hasSize(2);
    }

    @Test
    void retiring_keeps_a_published_next_key() {
        TokenKeys keys = TokenKeys.in(dir);
        keys.publishNext();
        keys.switchToNext(SWITCHED);
        String following = keys.publishNext();

        keys.retirePrevious(SWITCHED.plus(Duration.ofDays(1)), false);

        assertThat(keys.list()).extracting(Listed::role).containsExactly(Role.SIGNING, Role.NEXT);
        assertThat(keys.list()).extracting(Listed::keyId).contains(following);
    }

    @Test
    void a_dev_token_cannot_outlive_the_time_a_retired_key_is_kept() {
        DevTokens tokens = DevTokens.inDirectory(dir);
        assertThatThrownBy(() -> tokens.issue("acme", "hr-1", DevTokens.LONGEST_LIFETIME.plusSeconds(1), "hr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_id_is_the_rfc_7638_thumbprint() throws Exception {
        // the example key of RFC 7638 section 3.1 and its thumbprint
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknj"
                + "hMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qM"
                + "QvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJ"
                + "zKnqDKgw";
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));

        assertThat(TokenKeys.keyId(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    /** What a service does with a key set: pick the listed key the token's kid names, and check the signature with it. */
    private boolean verifiesWithListedKey(String token) throws Exception {
        String kid = header(token).path("kid").asText();
        for (JsonNode jwk : JSON.readTree(dir.resolve(TokenKeys.KEY_SET).toFile()).path("keys")) {
            if (jwk.path("kid").asText().equals(kid)) {
                PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
                String[] parts = token.split("\\.");
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(key);
                rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }

    private static JsonNode header(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
    }
}
