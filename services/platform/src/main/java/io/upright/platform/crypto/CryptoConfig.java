package io.upright.platform.crypto;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * Where the master key that wraps every personal data key comes from: {@code UPRIGHT_CRYPTO_MASTER_KEY}
 * (base64 of 32 bytes) or {@code UPRIGHT_CRYPTO_MASTER_KEY_FILE} (a file holding that base64 text). In dev and
 * test mode, without either, {@link MasterKey#DEV_AND_TEST_KEY} is used; in production a missing key stops
 * the service at startup. During a rotation ({@link MasterKeys}, {@link MasterKeyRotation}):
 * {@code UPRIGHT_CRYPTO_NEXT_MASTER_KEY} is the key about to replace it (first roll), then
 * {@code UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS} lists the keys it replaced (comma-separated, newest first) while stored
 * keys move over.
 */
@ConfigMapping(prefix = "upright.crypto")
public interface CryptoConfig {

    Optional<String> masterKey();

    Optional<String> masterKeyFile();

    Optional<String> nextMasterKey();

    Optional<List<String>> previousMasterKeys();

    /** Resolves the configured keys (see {@link MasterKeys#resolve}). */
    default MasterKeys masterKeys(boolean devOrTest) {
        return MasterKeys.resolve(masterKey(), masterKeyFile(), nextMasterKey(), previousMasterKeys(), devOrTest);
    }
}
