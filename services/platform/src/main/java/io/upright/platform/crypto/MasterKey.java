package io.upright.platform.crypto;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** Resolves the master key from configuration. Pure: the launch mode is passed in. */
public final class MasterKey {

    /**
     * The fixed, public master key used in dev and test mode only (base64 of the bytes 0x00..0x1f). Anything
     * sealed under it is readable by anyone who reads this line, so it is never used in production.
     */
    public static final String DEV_AND_TEST_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private MasterKey() {
    }

    /**
     * @param devOrTest whether the service runs in dev or test mode, where the fixed key is an acceptable default
     * @throws IllegalStateException with a message naming the settings when no usable key is configured
     */
    public static SecretKey resolve(Optional<String> base64, Optional<String> file, boolean devOrTest) {
        String encoded;
        String origin;
        if (base64.filter(v -> !v.isBlank()).isPresent()) {
            encoded = base64.get().strip();
            origin = "upright.crypto.master-key (UPRIGHT_CRYPTO_MASTER_KEY)";
        } else if (file.filter(v -> !v.isBlank()).isPresent()) {
            origin = "the file " + file.get() + " named by upright.crypto.master-key-file (UPRIGHT_CRYPTO_MASTER_KEY_FILE)";
            try {
                encoded = Files.readString(Path.of(file.get().strip()), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the master key from " + origin + ": " + e.getMessage(), e);
            }
        } else if (devOrTest) {
            encoded = DEV_AND_TEST_KEY;
            origin = "the fixed dev/test key";
        } else {
            throw new IllegalStateException("No master key for personal data: set UPRIGHT_CRYPTO_MASTER_KEY to the base64 "
                    + "of 32 random bytes (e.g. `openssl rand -base64 32`) or UPRIGHT_CRYPTO_MASTER_KEY_FILE to a file "
                    + "holding it. Without it personal data can neither be stored nor read.");
        }
        return decode(encoded, origin);
    }

    /** A key from its base64 text; {@code origin} names the setting in the message when it is unusable. */
    static SecretKey decode(String encoded, String origin) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key from " + origin + " is not valid base64");
        }
        if (raw.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException("The master key from " + origin + " must be " + AesGcm.KEY_BYTES
                    + " bytes (base64 of 32 bytes), not " + raw.length);
        }
        return AesGcm.key(raw);
    }
}
