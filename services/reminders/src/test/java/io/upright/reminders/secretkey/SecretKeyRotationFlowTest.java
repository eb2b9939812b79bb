package io.upright.reminders.secretkey;

import com.standardwebhooks.Webhook;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.upright.localinfra.DevTokens;
import io.upright.platform.crypto.AesGcm;
import io.upright.platform.crypto.KeyRing;
import io.upright.reminders.contact.EmployeeContacts;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.reminders.webhook.SecretBox;
import io.upright.reminders.webhook.WebhookSecrets;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reminders secret key replaced on a running service: values the old key sealed (as the previous build wrote
 * them) still open, are sealed again under the new key (credentials through their aggregates, so the event store
 * records it), keep working (a delivery verifies with the same webhook secrets, a contact is found by the same email)
 * and afterwards open without the old key. Its own database, since the service here runs with a different key.
 */
@QuarkusTest
@TestProfile(SecretKeyRotationFlowTest.NewSecretKey.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders_rotation"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class SecretKeyRotationFlowTest {

    /** The key every other test of this module runs with, now the one being replaced. */
    private static final String OLD = "dGVzdC1vbmx5LWtleS1mb3Itd2ViaG9vay1zZWNyZXQ=";
    private static final String NEW = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    private static final String EMAIL_HASH_LABEL = "employee-contact-email-hash";

    public static class NewSecretKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upright.reminders.secret-key", NEW, "upright.reminders.previous-secret-keys", OLD);
        }
    }

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final SecretBox oldOnly = box(OLD);
    private final SecretBox newOnly = box(NEW);
    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    @Inject
    SecretKeyRotation rotation;

    @Inject
    WebhookSecrets secrets;

    @Inject
    EmployeeContacts contacts;

    @Test
    void values_sealed_under_the_old_key_are_sealed_again_under_the_new_one_and_keep_working() throws Exception {
        // a webhook endpoint in its overlap (two secrets) and a Slack channel, as the previous key sealed them
        String path = "/hooks/key-rotation-" + UUID.randomUUID();
        Response registered = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("url", receiver.url(path))).post("/api/webhook-endpoints");
        registered.then().statusCode(201);
        UUID endpoint = UUID.fromString(registered.path("id"));
        String firstSecret = registered.path("secret");
        String secondSecret = given().auth().oauth2(admin).post("/api/webhook-endpoints/{id}/secret-rotations", endpoint)
                .then().statusCode(200).extract().path("secret");
        update("update webhook_endpoint set sealed_secret = ?, sealed_previous_secret = ? where tenant_id = ? and id = ?",
                oldOnly.seal(secondSecret), oldOnly.seal(firstSecret), tenant, endpoint);

        String hookUrl = receiver.url("/slack/key-rotation-" + UUID.randomUUID());
        UUID channel = UUID.fromString(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("webhookUrl", hookUrl)).post("/api/slack-channels").then().statusCode(201).extract().path("id"));
        update("update slack_channel set sealed_url = ? where tenant_id = ? and id = ?", oldOnly.seal(hookUrl), tenant, channel);

        // a contact and the key of the contacts' email hashes, as the previous key sealed them
        byte[] emailKeyBefore = hmac(Base64.getDecoder().decode(OLD), EMAIL_HASH_LABEL);
        assertThat(secrets.derive(EMAIL_HASH_LABEL)).isEqualTo(emailKeyBefore); // first made from the key it all began with
        update("update derived_secret_key set sealed_key = ? where label = ?",
                oldOnly.seal(Base64.getEncoder().encodeToString(emailKeyBefore)), EMAIL_HASH_LABEL);
        UUID employee = UUID.randomUUID();
        contacts.shared(tenant, employee, "Ada@Example.com", "@ada", Instant.now());
        update("update employee_contact set sealed_email = ?, sealed_chat_handle = ? where tenant_id = ? and employee_id = ?",
                oldOnly.seal("Ada@Example.com"), oldOnly.seal("@ada"), tenant, employee);

        assertThat(rotation.resealOnce()).isGreaterThanOrEqualTo(4);

        // everything now opens without the old key, to the same values
        assertThat(newOnly.open(text("select sealed_secret from webhook_endpoint where id = ?", endpoint))).isEqualTo(secondSecret);
        assertThat(newOnly.open(text("select sealed_previous_secret from webhook_endpoint where id = ?", endpoint))).isEqualTo(firstSecret);
        assertThat(newOnly.open(text("select sealed_url from slack_channel where id = ?", channel))).isEqualTo(hookUrl);
        assertThat(newOnly.open(text("select sealed_email from employee_contact where employee_id = ?", employee))).isEqualTo("Ada@Example.com");
        assertThat(newOnly.open(text("select sealed_chat_handle from employee_contact where employee_id = ?", employee))).isEqualTo("@ada");
        assertThat(Base64.getDecoder().decode(newOnly.open(text("select sealed_key from derived_secret_key where label = ?", EMAIL_HASH_LABEL))))
                .isEqualTo(emailKeyBefore);
        assertThatThrownBy(() -> oldOnly.open(text("select sealed_secret from webhook_endpoint where id = ?", endpoint)))
                .isInstanceOf(IllegalStateException.class);

        // the event store says so, and a second pass finds nothing left
        assertThat(eventTypes(endpoint)).containsExactly("WebhookEndpointRegistered", "WebhookSecretRotated", "WebhookSecretResealed");
        assertThat(eventTypes(channel)).containsExactly("ChatChannelRegistered", "ChatChannelResealed");
        assertThat(rotation.resealOnce()).isZero();

        // and it all still works: both secrets sign, the contact is found by the same email
        given().auth().oauth2(admin).post("/api/webhook-endpoints/{id}/test-deliveries", endpoint).then().statusCode(200);
        WebhookReceiver.Received delivered = receiver.first(r -> r.path().equals(path)).orElseThrow();
        new Webhook(secondSecret).verify(delivered.body(), delivered.headers());
        new Webhook(firstSecret).verify(delivered.body(), delivered.headers());
        assertThat(contacts.byEmail(tenant, " ada@example.com")).contains(employee);
        assertThat(contacts.of(tenant, employee)).contains(new EmployeeContacts.Contact("Ada@Example.com", "@ada"));
    }

    private static SecretBox box(String key) {
        return new SecretBox(new KeyRing(AesGcm.key(Base64.getDecoder().decode(key)), Optional.empty(), List.of(), "test"));
    }

    private static byte[] hmac(byte[] key, String label) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private String text(String sql, Object value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private List<String> eventTypes(UUID stream) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_type from event_store where tenant_id = ? and stream_id = ? order by version")) {
            ps.setString(1, tenant);
            ps.setObject(2, stream);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }
}
