package io.upright.web.mydata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureConfirmationTest {

    @Test
    void the_word_shown_confirms_in_any_case_with_spaces_forgiven() {
        assertThat(ErasureConfirmation.confirmed("ERASE", "ERASE")).isTrue();
        assertThat(ErasureConfirmation.confirmed("  erase ", "ERASE")).isTrue();
        assertThat(ErasureConfirmation.confirmed("löschen", "LÖSCHEN")).isTrue();
    }

    @Test
    void anything_else_does_not() {
        assertThat(ErasureConfirmation.confirmed(null, "ERASE")).isFalse();
        assertThat(ErasureConfirmation.confirmed("", "ERASE")).isFalse();
        assertThat(ErasureConfirmation.confirmed("ERASED", "ERASE")).isFalse();
        assertThat(ErasureConfirmation.confirmed("yes", "ERASE")).isFalse();
        assertThat(ErasureConfirmation.confirmed("ERASE", "")).isFalse();
    }
}
