package io.upright.platform.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key ring any stored secret is sealed with while its key is being replaced (master key, reminders' secret key). */
class KeyRingTest {

    private static final byte[] CONTEXT = "ctx".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "whsec_value".getBytes(StandardCharsets.UTF_8);
    private final SecretKey oldKey = AesGcm.newKey();
    private final SecretKey newKey = AesGcm.newKey();
    private final SecretKey nextKey = AesGcm.newKey();

    @Test
    void a_value_sealed_under_a_previous_key_opens_and_says_it_should_be_sealed_again() {
        byte[] sealedBefore = new KeyRing(oldKey, Optional.empty(), List.of(), "hint").seal(VALUE, CONTEXT);
        KeyRing switched = new KeyRing(newKey, Optional.empty(), List.of(oldKey), "hint");

        KeyRing.Opened opened = switched.open(sealedBefore, CONTEXT);

        assertThat(opened.plaintext()).isEqualTo(VALUE);
        assertThat(opened.underPrevious()).isTrue();
        KeyRing.Opened resealed = switched.open(switched.seal(VALUE, CONTEXT), CONTEXT);
        assertThat(resealed.underPrevious()).isFalse();
        assertThat(switched.rotating()).isTrue();
        assertThat(switched.original()).isEqualTo(oldKey);
    }

    @Test
    void during_the_first_roll_a_value_sealed_under_the_next_key_opens_and_stays_as_it_is() {
        byte[] sealedBySwitchedInstance = new KeyRing(nextKey, Optional.empty(), List.of(newKey), "hint").seal(VALUE, CONTEXT);
        KeyRing learning = new KeyRing(newKey, Optional.of(nextKey), List.of(), "hint");

        KeyRing.Opened opened = learning.open(sealedBySwitchedInstance, CONTEXT);

        assertThat(opened.plaintext()).isEqualTo(VALUE);
        assertThat(opened.underPrevious()).isFalse();
        assertThat(learning.rotating()).isFalse();
        assertThat(learning.original()).isEqualTo(newKey);
    }

    @Test
    void a_value_no_configured_key_opens_fails_with_the_hint_and_the_wrong_context_fails_too() {
        byte[] sealed = new KeyRing(oldKey, Optional.empty(), List.of(), "hint").seal(VALUE, CONTEXT);
        KeyRing forgotten = new KeyRing(newKey, Optional.empty(), List.of(), "add it to PREVIOUS_KEYS");

        assertThatThrownBy(() -> forgotten.open(sealed, CONTEXT)).isInstanceOf(AesGcm.TamperedException.class)
                .hasMessageContaining("add it to PREVIOUS_KEYS");
        assertThatThrownBy(() -> new KeyRing(oldKey, Optional.empty(), List.of(), "hint").open(sealed, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void the_current_key_cannot_also_be_the_next_or_a_previous_one() {
        assertThatThrownBy(() -> new KeyRing(newKey, Optional.of(newKey), List.of(), "hint"))
                .hasMessageContaining("next key is the current key");
        assertThatThrownBy(() -> new KeyRing(newKey, Optional.empty(), List.of(oldKey, newKey), "hint"))
                .hasMessageContaining("previous key 2 is the current key");
    }

    @Test
    void keys_from_settings_name_the_setting_and_entry_when_unusable() {
        String good = Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded());
        assertThat(KeyRing.decodeAll(Optional.of(List.of(" " + good + " ", "")), "SETTING")).hasSize(1);
        assertThatThrownBy(() -> KeyRing.decodeAll(Optional.of(List.of(good, "AAAA")), "SETTING"))
                .hasMessageContaining("SETTING, entry 2").hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> KeyRing.decode("not base64!", "SETTING")).hasMessageContaining("SETTING is not valid base64");
    }
}
