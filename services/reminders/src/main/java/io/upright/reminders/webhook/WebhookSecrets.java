package io.upright.reminders.webhook;

import io.upright.reminders.RemindersConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Creates, seals and opens webhook signing secrets with the service's encryption key. */
@ApplicationScoped
public class WebhookSecrets {

    private final SecureRandom random = new SecureRandom();
    private SecretBox box;
    private byte[] masterKey;

    @Inject
    RemindersConfig config;

    @PostConstruct
    void init() {
        String encoded = config.secretKey().filter(k -> !k.isBlank()).orElseGet(() -> keyFromFile(Path.of(config.secretKeyFile())));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("upright.reminders.secret-key is not base64");
        }
        box = new SecretBox(key, random);
        masterKey = key.clone();
    }

    /**
     * A key for another purpose derived from the service's secret key (HMAC-SHA256 of the label), so one secret
     * serves several uses without one use's key revealing another's.
     */
    public byte[] derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new plaintext secret, to hand to the admin once. */
    public String generate() {
        return WebhookSigner.newSecret(random);
    }

    public String seal(String secret) {
        return box.seal(secret);
    }

    public String open(String sealed) {
        return box.open(sealed);
    }

    /** Reads the key file, creating it (owner-only) with a random key on first start of a local installation. */
    private String keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                byte[] key = new byte[32];
                random.nextBytes(key);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first; read theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret key file " + file, e);
        }
    }
}
