package io.upright.assessments.identity;

import io.upright.localinfra.DevTokens;
import io.upright.localinfra.TokenKeys;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The test infrastructure, with the service trusting a key set in the middle of a roll ({@code ./upright keys}): the
 * fixed test key ({@link DevTokens#forTests()}) is the previous signing key, a new key made here signs now
 * ({@code DevTokens.inDirectory} of the set's directory), and both are listed in {@code jwks.json}.
 */
public class KeySetInfrastructure extends UprightTestInfrastructure {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path dir = Files.createTempDirectory("upright-key-set");
            try (InputStream testKey = DevTokens.class.getClassLoader().getResourceAsStream(DevTokens.TEST_KEYS + "privateKey.pem")) {
                Files.write(dir.resolve(TokenKeys.SIGNING_KEY), testKey.readAllBytes());
            }
            TokenKeys keys = TokenKeys.in(dir);
            keys.publishNext();
            keys.switchToNext(Instant.now());
            config.put("mp.jwt.verify.publickey.location", keys.keySet().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
