package io.upright.platform.crypto;

import javax.crypto.SecretKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A key that is being replaced on a running system, with the key that is to replace it and the keys it replaced.
 * New values are always sealed under the current key. A value sealed under a previous key still opens and says so
 * (its owner seals it again under the current key); a value sealed under the next key opens too, which lets every
 * instance read what an instance already switched has written while a roll is under way. Pure: the caller passes
 * the keys, and a hint naming the setting an operator must fix when nothing opens a value.
 */
public final class KeyRing {

    private final SecretKey current;
    private final Optional<SecretKey> next;
    private final List<SecretKey> previous;
    private final String missingKeyHint;

    /** A value opened, and whether it was sealed under a previous key (so it should be sealed again). */
    public record Opened(byte[] plaintext, boolean underPrevious) {
    }

    /**
     * @param previous       the keys {@code current} replaced, newest first
     * @param missingKeyHint the end of the message when no key opens a value, e.g. which setting lacks a key
     * @throws IllegalStateException when the next or a previous key is the current key
     */
    public KeyRing(SecretKey current, Optional<SecretKey> next, List<SecretKey> previous, String missingKeyHint) {
        this.current = current;
        this.next = next;
        this.previous = List.copyOf(previous);
        this.missingKeyHint = missingKeyHint;
        if (next.isPresent() && Arrays.equals(next.get().getEncoded(), current.getEncoded())) {
            throw new IllegalStateException("the next key is the current key: set it to the new key");
        }
        for (int i = 0; i < this.previous.size(); i++) {
            if (Arrays.equals(this.previous.get(i).getEncoded(), current.getEncoded())) {
                throw new IllegalStateException("previous key " + (i + 1) + " is the current key: list only the keys it replaced");
            }
        }
    }

    /**
     * A 32-byte key from its base64 text.
     *
     * @param origin names the setting in the message when the value is unusable
     */
    public static SecretKey decode(String encoded, String origin) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key from " + origin + " is not valid base64");
        }
        if (raw.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException("The key from " + origin + " must be " + AesGcm.KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), not " + raw.length);
        }
        return AesGcm.key(raw);
    }

    /** The keys of a comma-separated setting, blanks skipped, each decoded as {@link #decode} does. */
    public static List<SecretKey> decodeAll(Optional<List<String>> encoded, String origin) {
        List<String> listed = encoded.orElse(List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        List<SecretKey> keys = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            keys.add(decode(listed.get(i), origin + ", entry " + (i + 1)));
        }
        return keys;
    }

    /** {@code plaintext} sealed under the current key, bound to {@code context}. */
    public byte[] seal(byte[] plaintext, byte[] context) {
        return AesGcm.encrypt(current, plaintext, context);
    }

    /**
     * Opens a value under the current key or, failing that, the next one, then each previous one in turn.
     *
     * @throws AesGcm.TamperedException when none of them opens it (a key is missing from the configuration, or the
     *                                  bytes were changed)
     */
    public Opened open(byte[] sealed, byte[] context) {
        List<SecretKey> keys = new ArrayList<>();
        keys.add(current);
        next.ifPresent(keys::add);
        keys.addAll(previous);
        for (int i = 0; i < keys.size(); i++) {
            try {
                return new Opened(AesGcm.decrypt(keys.get(i), sealed, context), i >= keys.size() - previous.size());
            } catch (AesGcm.TamperedException e) {
                // try the next key
            }
        }
        throw new AesGcm.TamperedException("a stored value opens under none of the configured keys: " + missingKeyHint);
    }

    /** Whether keys the current one replaced are configured, so stored values may still need sealing again. */
    public boolean rotating() {
        return !previous.isEmpty();
    }

    /** The key this deployment started with: the oldest previous one, or the current one when none was replaced. */
    public SecretKey original() {
        return previous.isEmpty() ? current : previous.get(previous.size() - 1);
    }
}
