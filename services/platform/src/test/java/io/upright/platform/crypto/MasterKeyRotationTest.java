package io.upright.platform.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, rotate every key: the master key is replaced on a running system. The service runs with a new master key
 * and the old one listed as previous; keys stored under the old one (written here as the old build wrote them) keep
 * opening what they sealed, move over to the new key, and the lookup hashes stay the same.
 */
@QuarkusTest
@TestProfile(MasterKeyRotationTest.NewMasterKey.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform_rotation"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class MasterKeyRotationTest {

    static final String NEW = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final SecretKey OLD_KEY = AesGcm.key(Base64.getDecoder().decode(MasterKey.DEV_AND_TEST_KEY));
    static final SecretKey NEW_KEY = AesGcm.key(Base64.getDecoder().decode(NEW));

    public static class NewMasterKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upright.crypto.master-key", NEW,
                    "upright.crypto.previous-master-keys", MasterKey.DEV_AND_TEST_KEY);
        }
    }

    @Inject
    PersonalData personalData;

    @Inject
    TopicKeys topicKeys;

    @Inject
    MasterKeyRotation rotation;

    @Inject
    DataSource dataSource;

    @Inject
    @io.quarkus.agroal.DataSource("vault")
    AgroalDataSource vault;

    @Test
    void a_name_sealed_under_the_old_master_key_still_opens_and_its_key_moves_to_the_new_one_on_first_read() throws Exception {
        UUID subject = UUID.randomUUID();
        String sealed = sealAsTheOldBuildDid("tenant-a", subject, "Ada Lovelace");

        assertThat(personalData.open("tenant-a", subject, sealed)).contains("Ada Lovelace");

        byte[] wrapped = storedDataKey("tenant-a", subject);
        assertThat(AesGcm.decrypt(NEW_KEY, wrapped, dataKeyContext("tenant-a", subject))).hasSize(AesGcm.KEY_BYTES);
        assertThatThrownBy(() -> AesGcm.decrypt(OLD_KEY, wrapped, dataKeyContext("tenant-a", subject)))
                .as("no longer under the old key").isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void the_rotation_moves_every_data_key_and_vault_key_still_under_the_old_master_key() throws Exception {
        // the run the service started moves what it found at its start; these rows come after it
        await().atMost(Duration.ofSeconds(30)).until(rotation::done);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstName = sealAsTheOldBuildDid("tenant-b", first, "Grace Hopper");
        String secondName = sealAsTheOldBuildDid("tenant-b", second, "Katherine Johnson");
        UUID employee = UUID.randomUUID();
        byte[] topicKey = AesGcm.newKey().getEncoded();
        try (Connection c = vault.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into vault.topic_key (tenant_id, employee_id, wrapped_key) values (?, ?, ?)")) {
            ps.setString(1, "tenant-b");
            ps.setObject(2, employee);
            ps.setBytes(3, AesGcm.encrypt(OLD_KEY, topicKey, ("tk1|tenant-b|" + employee).getBytes(StandardCharsets.UTF_8)));
            ps.executeUpdate();
        }
        String sealedForTopic = "tk1:" + Base64.getEncoder().encodeToString(AesGcm.encrypt(AesGcm.key(topicKey),
                "{\"score\":7}".getBytes(StandardCharsets.UTF_8), ("tk1|tenant-b|" + employee + "|a-type").getBytes(StandardCharsets.UTF_8)));

        assertThat(personalData.rewrapAll(1)).as("data keys moved, one row per batch").isGreaterThanOrEqualTo(2);
        assertThat(topicKeys.rewrapAll(1)).as("vault keys moved").isGreaterThanOrEqualTo(1);

        for (UUID subject : new UUID[]{first, second}) {
            AesGcm.decrypt(NEW_KEY, storedDataKey("tenant-b", subject), dataKeyContext("tenant-b", subject));
        }
        try (Connection c = vault.getConnection();
             PreparedStatement ps = c.prepareStatement("select wrapped_key from vault.topic_key where employee_id = ?")) {
            ps.setObject(1, employee);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(AesGcm.decrypt(NEW_KEY, rs.getBytes(1), ("tk1|tenant-b|" + employee).getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(topicKey);
            }
        }
        assertThat(personalData.open("tenant-b", first, firstName)).contains("Grace Hopper");
        assertThat(personalData.open("tenant-b", second, secondName)).contains("Katherine Johnson");
        assertThat(topicKeys.open("tenant-b", employee, "a-type", sealedForTopic)).map(b -> new String(b, StandardCharsets.UTF_8))
                .contains("{\"score\":7}");
        assertThat(personalData.rewrapAll(500)).as("nothing left to move").isZero();
        assertThat(topicKeys.rewrapAll(500)).isZero();
    }

    @Test
    void lookup_hashes_stay_what_they_were_under_the_old_master_key() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PersonalData.derivedLookupKey(OLD_KEY), "HmacSHA256"));
        mac.update("tenant-c".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        String before = HexFormat.of().formatHex(mac.doFinal("ada@example.com".getBytes(StandardCharsets.UTF_8)));

        assertThat(personalData.lookupHash("tenant-c", "ada@example.com")).isEqualTo(before);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select wrapped_key from lookup_hash_key");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(AesGcm.decrypt(NEW_KEY, rs.getBytes(1), "lhk1".getBytes(StandardCharsets.UTF_8)))
                    .as("kept under the new master key").isEqualTo(PersonalData.derivedLookupKey(OLD_KEY));
        }
    }

    /** A data key wrapped under the old master key and a value sealed with it, as the build before rotation wrote them. */
    private String sealAsTheOldBuildDid(String tenant, UUID subject, String value) throws Exception {
        SecretKey dataKey = AesGcm.newKey();
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into personal_data_key (tenant_id, subject_id, wrapped_key) values (?, ?, ?)")) {
                ps.setString(1, tenant);
                ps.setObject(2, subject);
                ps.setBytes(3, AesGcm.encrypt(OLD_KEY, dataKey.getEncoded(), dataKeyContext(tenant, subject)));
                return ps.executeUpdate();
            }
        });
        return PersonalData.PREFIX + Base64.getEncoder().encodeToString(AesGcm.encrypt(dataKey,
                value.getBytes(StandardCharsets.UTF_8), ("pd1|" + tenant + "|" + subject).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] storedDataKey(String tenant, UUID subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select wrapped_key from personal_data_key where tenant_id = ? and subject_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static byte[] dataKeyContext(String tenant, UUID subject) {
        return ("pdk1|" + tenant + "|" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
