package io.upright.platform.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message; output is {@code nonce | ciphertext+tag}. The
 * associated data binds a ciphertext to its owner (tenant and subject), so a sealed value copied onto another
 * person's row does not open. Pure JDK, no state.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JVM", e);
        }
    }

    public static SecretKey key(byte[] raw) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key is exactly " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws TamperedException when the key, the associated data or the bytes do not match */
    public static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] associatedData) {
        if (nonceAndCiphertext == null || nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedException("too short to be AES-GCM output");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(nonceAndCiphertext, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedException("authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** The ciphertext was not made with this key and associated data, or was changed since. */
    public static final class TamperedException extends RuntimeException {
        public TamperedException(String message) {
            super(message);
        }
    }
}
