package io.upright.platform.crypto;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Crypto-shredding of personal fields. Each subject (an employee) has a data key of its own, created on first
 * {@link #seal}, stored wrapped by the master key in {@code personal_data_key}. {@link #shred} deletes it, after
 * which every value sealed for that subject, wherever it was copied, opens as empty.
 *
 * <p>Sealed values look like {@code pd1:<base64(nonce | ciphertext)>}. The key table is written through the
 * service's datasource, so a key created by a transaction that rolls back disappears with it.
 */
@ApplicationScoped
public class PersonalData {

    public static final String PREFIX = "pd1:";

    @Inject
    DataSource dataSource;

    @Inject
    CryptoConfig config;

    private volatile MasterKeys masterKeys;
    private final WrappedKeys wrappedKeys = new WrappedKeys("personal_data_key", "subject_id", this::masterKeys, PersonalData::keyContext);
    private volatile SecretKey lookupKey;

    /**
     * Resolves the master key now, so a service that stores personal data fails at startup (with a message naming
     * UPRIGHT_CRYPTO_MASTER_KEY) instead of at the first enrolment. Call it from a startup observer.
     */
    public void ensureReady() {
        masterKeys();
        lookup();
    }

    /** Seals {@code plaintext} with the subject's key, creating the key on first use. {@code null} stays null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String seal(String tenant, UUID subjectId, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        SecretKey key = dataKey(tenant, subjectId, true).orElseThrow();
        byte[] sealed = AesGcm.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), valueContext(tenant, subjectId));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * @return the plaintext, or empty when the value is null or the subject's key was shredded. A value without the
     * {@code pd1:} prefix was stored before sealing existed and is returned as it is.
     */
    public Optional<String> open(String tenant, UUID subjectId, String sealed) {
        return opener(tenant, subjectId).apply(sealed);
    }

    /** An opener that loads the subject's key once, for reading several fields of one person. */
    public Function<String, Optional<String>> opener(String tenant, UUID subjectId) {
        Optional<SecretKey> key = dataKey(tenant, subjectId, false);
        byte[] context = valueContext(tenant, subjectId);
        return sealed -> {
            if (sealed == null) {
                return Optional.empty();
            }
            if (!sealed.startsWith(PREFIX)) {
                return Optional.of(sealed);
            }
            if (key.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new AesGcm.TamperedException("sealed value is not base64");
            }
            return Optional.of(new String(AesGcm.decrypt(key.get(), bytes, context), StandardCharsets.UTF_8));
        };
    }

    /** Deletes the subject's key: everything sealed for them becomes unreadable, for good. @return whether a key existed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean shred(String tenant, UUID subjectId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from personal_data_key where tenant_id = ? and subject_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, subjectId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot shred the data key of a subject", e);
        }
    }

    /** Whether the subject has a live key (false before the first seal and after shredding). */
    public boolean hasKey(String tenant, UUID subjectId) {
        return dataKey(tenant, subjectId, false).isPresent();
    }

    /**
     * A keyed hash (HMAC-SHA256 under a key derived from the master key) of a normalised value, for equality
     * look-ups such as "is this email already enrolled" without storing the value readably. Drop it on erasure.
     */
    public String lookupHash(String tenant, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookup());
            mac.update(tenant.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private Optional<SecretKey> dataKey(String tenant, UUID subjectId, boolean create) {
        byte[] context = keyContext(tenant, subjectId);
        try (Connection c = dataSource.getConnection()) {
            Optional<byte[]> wrapped = readWrapped(c, tenant, subjectId);
            if (wrapped.isEmpty() && create) {
                byte[] fresh = masterKeys().wrap(AesGcm.newKey().getEncoded(), context);
                // a concurrent first seal may win; then both use the key that was stored
                try (PreparedStatement ps = c.prepareStatement("insert into personal_data_key (tenant_id, subject_id, wrapped_key) "
                        + "values (?, ?, ?) on conflict do nothing")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, subjectId);
                    ps.setBytes(3, fresh);
                    ps.executeUpdate();
                }
                wrapped = readWrapped(c, tenant, subjectId);
            }
            if (wrapped.isEmpty()) {
                return Optional.empty();
            }
            MasterKeys.Unwrapped key = masterKeys().unwrap(wrapped.get(), context);
            if (key.underPrevious()) {
                wrappedKeys.rewrap(c, tenant, subjectId, wrapped.get(), key.raw());
            }
            return Optional.of(AesGcm.key(key.raw()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data key of a subject", e);
        }
    }

    /**
     * Wraps every data key (and the lookup-hash key) still under a previous master key under the current one,
     * {@code batch} rows at a time.
     *
     * @return how many keys moved over
     */
    int rewrapAll(int batch) {
        lookup(); // moves the lookup-hash key over too
        try (Connection c = dataSource.getConnection()) {
            return wrappedKeys.rewrapAll(c, batch);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the data keys to the current master key", e);
        }
    }

    private static Optional<byte[]> readWrapped(Connection c, String tenant, UUID subjectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select wrapped_key from personal_data_key where tenant_id = ? and subject_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private MasterKeys masterKeys() {
        MasterKeys keys = masterKeys;
        if (keys == null) {
            keys = config.masterKeys(LaunchMode.current().isDevOrTest());
            masterKeys = keys;
        }
        return keys;
    }

    /**
     * The key of the lookup hashes. Stored hashes must stay comparable when the master key is replaced, so the key is
     * kept wrapped in {@code lookup_hash_key} and moves over with the others. Its value is the one it always had:
     * derived from the master key the deployment started with ({@link MasterKeys#original()}), written down on first
     * use.
     */
    private SecretKey lookup() {
        SecretKey key = lookupKey;
        if (key == null) {
            key = new SecretKeySpec(storedLookupKey(), "HmacSHA256");
            lookupKey = key;
        }
        return key;
    }

    private byte[] storedLookupKey() {
        byte[] context = "lhk1".getBytes(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            Optional<byte[]> wrapped = readLookupKey(c);
            if (wrapped.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into lookup_hash_key (id, wrapped_key) values (1, ?) "
                        + "on conflict do nothing")) {
                    ps.setBytes(1, masterKeys().wrap(derivedLookupKey(masterKeys().original()), context));
                    ps.executeUpdate();
                }
                wrapped = readLookupKey(c);
            }
            MasterKeys.Unwrapped key = masterKeys().unwrap(wrapped.orElseThrow(), context);
            if (key.underPrevious()) {
                try (PreparedStatement ps = c.prepareStatement("update lookup_hash_key set wrapped_key = ? where id = 1 and wrapped_key = ?")) {
                    ps.setBytes(1, masterKeys().wrap(key.raw(), context));
                    ps.setBytes(2, wrapped.get());
                    ps.executeUpdate();
                }
            }
            return key.raw();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lookup-hash key", e);
        }
    }

    private static Optional<byte[]> readLookupKey(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select wrapped_key from lookup_hash_key where id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
        }
    }

    /** The lookup-hash key as every release before its table derived it from the master key. */
    static byte[] derivedLookupKey(SecretKey master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
            return mac.doFinal("upright lookup hash v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] keyContext(String tenant, UUID subjectId) {
        return ("pdk1|" + tenant + "|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] valueContext(String tenant, UUID subjectId) {
        return ("pd1|" + tenant + "|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }
}
