package io.upright.platform.crypto;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Where the master key that wraps every personal data key comes from: {@code UPRIGHT_CRYPTO_MASTER_KEY}
 * (base64 of 32 bytes) or {@code UPRIGHT_CRYPTO_MASTER_KEY_FILE} (a file holding that base64 text). In dev and
 * test mode, without either, {@link MasterKey#DEV_AND_TEST_KEY} is used; in production a missing key stops
 * the service at startup.
 */
@ConfigMapping(prefix = "upright.crypto")
public interface CryptoConfig {

    Optional<String> masterKey();

    Optional<String> masterKeyFile();
}
