package io.upright.platform.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals the payloads of events about one employee for the topics, with that employee's key from the shared key
 * vault (the {@code vault} datasource), and opens them again in any service. {@link #shred} destroys the key: from
 * then on every copy of those records, on any topic, dead-letter topic or replay, opens as empty.
 *
 * <p>The vault's connections are not part of the caller's transaction (its datasource runs with transactions
 * disabled): a key created for an event whose transaction rolls back is simply never used, and a shred stays done
 * even when the erasure around it has to be retried, which errs on the side of the employee.
 */
@ApplicationScoped
public class TopicKeys {

    public static final String PREFIX = "tk1:";

    @Inject
    @DataSource("vault")
    AgroalDataSource vault;

    @Inject
    CryptoConfig config;

    @Inject
    Clock clock;

    private volatile MasterKeys masterKeys;
    private final WrappedKeys wrappedKeys = new WrappedKeys("vault.topic_key", "employee_id", this::masterKeys, TopicKeys::keyContext);

    /** Fails at startup, naming the setting, when no master key is configured outside dev and test. */
    void ensureReady(@Observes StartupEvent started) {
        masterKeys();
    }

    /**
     * Seals {@code plaintext} for the employee, creating their key on first use. After their erasure the value is
     * sealed under a throw-away key, so it can never be opened.
     *
     * @param context what the value is (e.g. the CloudEvents type), bound into the ciphertext so that a sealed value
     *                cannot be passed off as another
     */
    public String seal(String tenant, UUID employeeId, String context, byte[] plaintext) {
        SecretKey key = key(tenant, employeeId, true).orElseGet(AesGcm::newKey);
        byte[] sealed = AesGcm.encrypt(key, plaintext, aad(tenant, employeeId, context));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * @return the plaintext, or empty when the employee's key was destroyed (or never existed)
     * @throws AesGcm.TamperedException when the value is not one this vault sealed for that employee and context
     */
    public Optional<byte[]> open(String tenant, UUID employeeId, String context, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new AesGcm.TamperedException("not a sealed topic value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new AesGcm.TamperedException("sealed topic value is not base64");
        }
        Optional<SecretKey> key = key(tenant, employeeId, false);
        return key.map(k -> AesGcm.decrypt(k, bytes, aad(tenant, employeeId, context)));
    }

    /**
     * Destroys the employee's key and remembers that they were erased. Idempotent.
     *
     * @return whether a live key was destroyed
     */
    public boolean shred(String tenant, UUID employeeId) {
        try (Connection c = vault.getConnection()) {
            boolean hadKey;
            try (PreparedStatement ps = c.prepareStatement("update vault.topic_key set wrapped_key = null, erased_at = ? "
                    + "where tenant_id = ? and employee_id = ? and wrapped_key is not null")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setString(2, tenant);
                ps.setObject(3, employeeId);
                hadKey = ps.executeUpdate() > 0;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into vault.topic_key (tenant_id, employee_id, wrapped_key, erased_at) "
                    + "values (?, ?, null, ?) on conflict do nothing")) {
                ps.setString(1, tenant);
                ps.setObject(2, employeeId);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            return hadKey;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot destroy an employee's topic key", e);
        }
    }

    /** Whether the employee has a live key (false before their first sealed event and after their erasure). */
    public boolean hasKey(String tenant, UUID employeeId) {
        return key(tenant, employeeId, false).isPresent();
    }

    private Optional<SecretKey> key(String tenant, UUID employeeId, boolean create) {
        byte[] context = keyContext(tenant, employeeId);
        try (Connection c = vault.getConnection()) {
            Optional<Optional<byte[]>> stored = read(c, tenant, employeeId);
            if (stored.isEmpty() && create) {
                byte[] fresh = masterKeys().wrap(AesGcm.newKey().getEncoded(), context);
                // a concurrent first seal (in this or another service) may win; then both use the stored key
                try (PreparedStatement ps = c.prepareStatement("insert into vault.topic_key (tenant_id, employee_id, wrapped_key) "
                        + "values (?, ?, ?) on conflict do nothing")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employeeId);
                    ps.setBytes(3, fresh);
                    ps.executeUpdate();
                }
                stored = read(c, tenant, employeeId);
            }
            if (stored.isEmpty() || stored.get().isEmpty()) {
                return Optional.empty();
            }
            byte[] wrapped = stored.get().get();
            MasterKeys.Unwrapped key = masterKeys().unwrap(wrapped, context);
            if (key.underPrevious()) {
                wrappedKeys.rewrap(c, tenant, employeeId, wrapped, key.raw());
            }
            return Optional.of(AesGcm.key(key.raw()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an employee's topic key from the vault", e);
        }
    }

    /**
     * Wraps every live key still under a previous master key under the current one, {@code batch} rows at a time.
     *
     * @return how many keys moved over
     */
    int rewrapAll(int batch) {
        try (Connection c = vault.getConnection()) {
            return wrappedKeys.rewrapAll(c, batch);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the vault's keys to the current master key", e);
        }
    }

    private static byte[] keyContext(String tenant, UUID employeeId) {
        return ("tk1|" + tenant + "|" + employeeId).getBytes(StandardCharsets.UTF_8);
    }

    /** @return empty when there is no row; a row with an empty key is an erased employee */
    private static Optional<Optional<byte[]>> read(Connection c, String tenant, UUID employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select wrapped_key from vault.topic_key where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static byte[] aad(String tenant, UUID employeeId, String context) {
        return ("tk1|" + tenant + "|" + employeeId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private MasterKeys masterKeys() {
        MasterKeys keys = masterKeys;
        if (keys == null) {
            keys = config.masterKeys(LaunchMode.current().isDevOrTest());
            masterKeys = keys;
        }
        return keys;
    }
}
