package io.upright.platform.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final byte[] OWNER = "pd1|acme|42".getBytes(StandardCharsets.UTF_8);

    @Test
    void what_is_sealed_opens_again_with_the_same_key_and_owner() {
        SecretKey key = AesGcm.newKey();
        byte[] sealed = AesGcm.encrypt(key, "Ada Lovelace".getBytes(StandardCharsets.UTF_8), OWNER);

        assertThat(new String(AesGcm.decrypt(key, sealed, OWNER), StandardCharsets.UTF_8)).isEqualTo("Ada Lovelace");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ada");
    }

    @Test
    void sealing_the_same_text_twice_gives_different_bytes() {
        SecretKey key = AesGcm.newKey();
        byte[] plain = "ada@example.com".getBytes(StandardCharsets.UTF_8);

        assertThat(AesGcm.encrypt(key, plain, OWNER)).isNotEqualTo(AesGcm.encrypt(key, plain, OWNER));
    }

    @Test
    void another_key_another_owner_or_a_flipped_bit_does_not_open() {
        SecretKey key = AesGcm.newKey();
        byte[] sealed = AesGcm.encrypt(key, "secret".getBytes(StandardCharsets.UTF_8), OWNER);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;

        assertThatThrownBy(() -> AesGcm.decrypt(AesGcm.newKey(), sealed, OWNER)).isInstanceOf(AesGcm.TamperedException.class);
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, "pd1|acme|43".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AesGcm.TamperedException.class);
        assertThatThrownBy(() -> AesGcm.decrypt(key, flipped, OWNER)).isInstanceOf(AesGcm.TamperedException.class);
        assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[5], OWNER)).isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void production_without_a_master_key_fails_with_a_message_naming_the_env_vars() {
        assertThatThrownBy(() -> MasterKey.resolve(Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UPRIGHT_CRYPTO_MASTER_KEY").hasMessageContaining("UPRIGHT_CRYPTO_MASTER_KEY_FILE");
    }

    @Test
    void dev_and_test_fall_back_to_the_documented_fixed_key() {
        SecretKey key = MasterKey.resolve(Optional.empty(), Optional.empty(), true);

        assertThat(Base64.getEncoder().encodeToString(key.getEncoded())).isEqualTo(MasterKey.DEV_AND_TEST_KEY);
    }

    @Test
    void a_configured_key_wins_and_must_be_32_bytes() throws Exception {
        String configured = Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded());
        assertThat(Base64.getEncoder().encodeToString(MasterKey.resolve(Optional.of(configured), Optional.empty(), true)
                .getEncoded())).isEqualTo(configured);

        Path file = Files.createTempFile("master", ".key");
        try {
            Files.writeString(file, configured + "\n");
            assertThat(MasterKey.resolve(Optional.empty(), Optional.of(file.toString()), false).getEncoded())
                    .isEqualTo(Base64.getDecoder().decode(configured));
        } finally {
            Files.delete(file);
        }
        assertThatThrownBy(() -> MasterKey.resolve(Optional.of(Base64.getEncoder().encodeToString(new byte[16])),
                Optional.empty(), false)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.resolve(Optional.of("not base64!"), Optional.empty(), false))
                .hasMessageContaining("not valid base64");
    }
}
