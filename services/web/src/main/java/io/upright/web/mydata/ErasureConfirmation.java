package io.upright.web.mydata;

import java.util.Locale;

/**
 * Erasure cannot be undone, so it asks for the confirmation word typed out (not a click that can slip): the word the
 * page shows, in any case, with spaces around it forgiven. Pure.
 */
public final class ErasureConfirmation {

    private ErasureConfirmation() {
    }

    public static boolean confirmed(String typed, String word) {
        if (typed == null || word == null || word.isBlank()) {
            return false;
        }
        return typed.strip().toUpperCase(Locale.ROOT).equals(word.strip().toUpperCase(Locale.ROOT));
    }
}
