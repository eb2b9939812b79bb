package io.upright.platform.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysTest {

    private static final String OLD = MasterKey.DEV_AND_TEST_KEY;
    private static final String NEW = Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded());
    private static final byte[] CONTEXT = "pdk1|tenant-a|someone".getBytes(StandardCharsets.UTF_8);

    private static MasterKeys keys(String current, String... previous) {
        return MasterKeys.resolve(Optional.of(current), Optional.empty(), Optional.empty(), Optional.of(List.of(previous)), false);
    }

    private static MasterKeys learningNext(String current, String next) {
        return MasterKeys.resolve(Optional.of(current), Optional.empty(), Optional.of(next), Optional.empty(), false);
    }

    @Test
    void a_key_wrapped_under_the_master_key_it_replaced_still_opens_and_is_marked_for_moving() {
        byte[] raw = AesGcm.newKey().getEncoded();
        byte[] wrappedBefore = keys(OLD).wrap(raw, CONTEXT);

        MasterKeys.Unwrapped opened = keys(NEW, OLD).unwrap(wrappedBefore, CONTEXT);

        assertThat(opened.raw()).isEqualTo(raw);
        assertThat(opened.underPrevious()).isTrue();
    }

    @Test
    void new_wrappings_are_under_the_current_key_alone_so_the_previous_one_can_be_dropped() {
        byte[] raw = AesGcm.newKey().getEncoded();
        byte[] wrapped = keys(NEW, OLD).wrap(raw, CONTEXT);

        assertThat(keys(NEW).unwrap(wrapped, CONTEXT).raw()).isEqualTo(raw);
        assertThat(keys(NEW).unwrap(wrapped, CONTEXT).underPrevious()).isFalse();
        assertThatThrownBy(() -> keys(OLD).unwrap(wrapped, CONTEXT)).isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void an_instance_that_has_learned_the_next_key_opens_what_a_switched_instance_wrapped_and_leaves_it_there() {
        byte[] raw = AesGcm.newKey().getEncoded();
        byte[] wrappedBySwitched = keys(NEW, OLD).wrap(raw, CONTEXT);

        MasterKeys.Unwrapped opened = learningNext(OLD, NEW).unwrap(wrappedBySwitched, CONTEXT);

        assertThat(opened.raw()).isEqualTo(raw);
        assertThat(opened.underPrevious()).as("not moved back to the old key").isFalse();
        assertThat(learningNext(OLD, NEW).rotating()).isFalse();
        assertThatThrownBy(() -> learningNext(OLD, OLD)).hasMessageContaining("UPRIGHT_CRYPTO_NEXT_MASTER_KEY is the current master key");
    }

    @Test
    void a_key_under_no_configured_master_key_is_refused_with_a_hint_at_the_missing_setting() {
        byte[] wrapped = keys(OLD).wrap(AesGcm.newKey().getEncoded(), CONTEXT);

        assertThatThrownBy(() -> keys(NEW).unwrap(wrapped, CONTEXT))
                .isInstanceOf(AesGcm.TamperedException.class)
                .hasMessageContaining("UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS");
    }

    @Test
    void a_key_bound_to_another_person_does_not_open_under_any_master_key() {
        byte[] wrapped = keys(OLD).wrap(AesGcm.newKey().getEncoded(), CONTEXT);

        assertThatThrownBy(() -> keys(NEW, OLD).unwrap(wrapped, "pdk1|tenant-a|someone-else".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void listing_the_current_key_among_the_previous_ones_is_refused() {
        assertThatThrownBy(() -> keys(NEW, OLD, NEW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS lists the current master key (entry 2)");
    }

    @Test
    void an_unusable_previous_key_is_refused_naming_its_entry() {
        assertThatThrownBy(() -> keys(NEW, OLD, "c2hvcnQ="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining("must be 32 bytes");
    }

    @Test
    void the_original_key_is_the_oldest_previous_one_and_without_a_rotation_the_current_one() {
        String middle = Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded());

        assertThat(keys(NEW, middle, OLD).original().getEncoded()).isEqualTo(Base64.getDecoder().decode(OLD));
        assertThat(keys(NEW).original().getEncoded()).isEqualTo(Base64.getDecoder().decode(NEW));
        assertThat(keys(NEW, middle, OLD).rotating()).isTrue();
        assertThat(keys(NEW, " ").rotating()).as("a blank entry is no key").isFalse();
    }
}
