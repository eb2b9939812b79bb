package io.upright.reminders.webhook;

import io.upright.platform.crypto.KeyRing;
import io.upright.reminders.RemindersConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, seals and opens the service's credentials with its secret key ({@code UPRIGHT_REMINDERS_SECRET_KEY}), and
 * gives the keys derived from it. The secret key can be replaced on a running system: see {@code secretkey.SecretKeyRotation}.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();
    private SecretBox box;
    private SecretKey original;

    @Inject
    RemindersConfig config;

    @Inject
    DataSource dataSource;

    @PostConstruct
    void init() {
        String encoded = config.secretKey().filter(k -> !k.isBlank()).orElseGet(() -> keyFromFile(Path.of(config.secretKeyFile())));
        KeyRing keys = new KeyRing(
                KeyRing.decode(encoded, "upright.reminders.secret-key (UPRIGHT_REMINDERS_SECRET_KEY, or its file)"),
                config.nextSecretKey().filter(k -> !k.isBlank())
                        .map(k -> KeyRing.decode(k, "upright.reminders.next-secret-key (UPRIGHT_REMINDERS_NEXT_SECRET_KEY)")),
                KeyRing.decodeAll(config.previousSecretKeys(),
                        "upright.reminders.previous-secret-keys (UPRIGHT_REMINDERS_PREVIOUS_SECRET_KEYS)"),
                "is the key it was sealed under missing from UPRIGHT_REMINDERS_PREVIOUS_SECRET_KEYS (or, during a "
                        + "rotation's first roll, from UPRIGHT_REMINDERS_NEXT_SECRET_KEY)?");
        box = new SecretBox(keys);
        original = keys.original();
    }

    /**
     * A key for another purpose (link signatures, contact lookup hashes), so one secret serves several uses without
     * one use's key revealing another's. It must keep its value when the secret key is replaced (stored hashes and
     * links already handed out depend on it), so it is made once, as HMAC-SHA256 of the label under the key this
     * installation started with (what it always was before keys could be rotated), and kept sealed in
     * {@code derived_secret_key}, where a rotation seals it again like any other credential.
     */
    public byte[] derive(String label) {
        return derived.computeIfAbsent(label, this::loadOrMake).clone();
    }

    private byte[] loadOrMake(String label) {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> stored = storedDerivedKey(c, label);
            if (stored.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into derived_secret_key (label, sealed_key) "
                        + "values (?, ?) on conflict (label) do nothing")) {
                    ps.setString(1, label);
                    ps.setString(2, box.seal(Base64.getEncoder().encodeToString(hmac(original.getEncoded(), label))));
                    ps.executeUpdate();
                }
                stored = storedDerivedKey(c, label); // another instance may have been first: use theirs
            }
            return Base64.getDecoder().decode(box.open(stored.orElseThrow()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the derived key " + label, e);
        }
    }

    private static Optional<String> storedDerivedKey(Connection c, String label) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sealed_key from derived_secret_key where label = ?")) {
            ps.setString(1, label);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Seals again under the current key every derived key sealed under a previous one; how many it sealed. */
    public int resealDerivedKeys() {
        int resealed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select label, sealed_key from derived_secret_key order by label");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String sealed = rs.getString(2);
                SecretBox.Opened opened = box.openAndTell(sealed);
                if (opened.underPrevious()) {
                    try (PreparedStatement update = c.prepareStatement(
                            "update derived_secret_key set sealed_key = ? where label = ? and sealed_key = ?")) {
                        update.setString(1, box.seal(opened.plaintext()));
                        update.setString(2, rs.getString(1));
                        update.setString(3, sealed);
                        resealed += update.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the derived keys again", e);
        }
        if (resealed > 0) {
            LOG.infof("Sealed %d derived keys again under the current secret key", resealed);
        }
        return resealed;
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
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

    /** Opens a value and tells whether it was sealed under a previous key, for {@code secretkey.SecretKeyRotation}. */
    public SecretBox.Opened openAndTell(String sealed) {
        return box.openAndTell(sealed);
    }

    /** Whether the secret key is being replaced: keys it replaced are configured. */
    public boolean rotating() {
        return box.rotating();
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
