package io.upright.reminders.contact;

import io.upright.reminders.webhook.SecretBox;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How to reach each employee in their chat tool, as programs shared it ({@code EmployeeContactShared}): the work email
 * (Slack's lookup, the recipient of a Teams card) and the chat handle. Kept AES-GCM sealed at rest, opened only to
 * deliver, and deleted when the employee leaves or is erased.
 */
@ApplicationScoped
public class EmployeeContacts {

    @Inject
    DataSource dataSource;

    @Inject
    WebhookSecrets secrets;

    private volatile byte[] emailKey;

    /** The contact as shared; either part may be absent. */
    public record Contact(String email, String chatHandle) {
    }

    /**
     * Keeps the newest contact (an older one arriving late changes nothing).
     *
     * @return whether it changed what is kept
     */
    public boolean shared(String tenant, UUID employeeId, String email, String chatHandle, Instant sharedAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into employee_contact (tenant_id, employee_id, sealed_email, "
                     + "sealed_chat_handle, shared_at, email_hash) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, employee_id) do update set "
                     + "sealed_email = excluded.sealed_email, sealed_chat_handle = excluded.sealed_chat_handle, shared_at = excluded.shared_at, "
                     + "email_hash = excluded.email_hash where employee_contact.shared_at <= excluded.shared_at")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setString(3, blankToNull(email) == null ? null : secrets.seal(email.strip()));
            ps.setString(4, blankToNull(chatHandle) == null ? null : secrets.seal(chatHandle.strip()));
            ps.setTimestamp(5, Timestamp.from(sharedAt));
            ps.setString(6, blankToNull(email) == null ? null : hash(email));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep an employee's contact", e);
        }
    }

    /** The employee's contact, opened; empty when programs never shared one. */
    public Optional<Contact> of(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select sealed_email, sealed_chat_handle from employee_contact "
                     + "where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Contact(rs.getString(1) == null ? null : secrets.open(rs.getString(1)),
                        rs.getString(2) == null ? null : secrets.open(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an employee's contact", e);
        }
    }

    /** The employee whose shared email this is, in the tenant (the comparison ignores case and spaces around). */
    public Optional<UUID> byEmail(String tenant, String email) {
        if (blankToNull(email) == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select employee_id from employee_contact where tenant_id = ? and email_hash = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, hash(email));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find an employee by email", e);
        }
    }

    /**
     * Seals again under the current secret key the contacts sealed under a previous one (the secret key was
     * replaced), reading at most {@code batch} rows after the given position. A row changed meanwhile is left for the
     * next pass.
     *
     * @param after the last row of the previous batch (tenant, employee), or null to start
     */
    public ResealBatch resealAfter(Map.Entry<String, UUID> after, int batch) {
        int resealed = 0;
        Map.Entry<String, UUID> last = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select tenant_id, employee_id, sealed_email, sealed_chat_handle "
                    + "from employee_contact where (tenant_id, employee_id) > (?, ?) order by tenant_id, employee_id limit ?")) {
                ps.setString(1, after == null ? "" : after.getKey());
                ps.setObject(2, after == null ? new UUID(0, 0) : after.getValue());
                ps.setInt(3, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = Map.entry(rs.getString(1), rs.getObject(2, UUID.class));
                        String email = rs.getString(3);
                        String handle = rs.getString(4);
                        SecretBox.Opened openedEmail = email == null ? null : secrets.openAndTell(email);
                        SecretBox.Opened openedHandle = handle == null ? null : secrets.openAndTell(handle);
                        if ((openedEmail == null || !openedEmail.underPrevious()) && (openedHandle == null || !openedHandle.underPrevious())) {
                            continue;
                        }
                        try (PreparedStatement update = c.prepareStatement("update employee_contact set sealed_email = ?, "
                                + "sealed_chat_handle = ? where tenant_id = ? and employee_id = ? "
                                + "and sealed_email is not distinct from ? and sealed_chat_handle is not distinct from ?")) {
                            update.setString(1, openedEmail == null ? null : secrets.seal(openedEmail.plaintext()));
                            update.setString(2, openedHandle == null ? null : secrets.seal(openedHandle.plaintext()));
                            update.setString(3, last.getKey());
                            update.setObject(4, last.getValue());
                            update.setString(5, email);
                            update.setString(6, handle);
                            resealed += update.executeUpdate();
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal contacts again", e);
        }
        return new ResealBatch(resealed, last);
    }

    /** @param last the position to continue after; null once every row was read */
    public record ResealBatch(int resealed, Map.Entry<String, UUID> last) {
    }

    private String hash(String email) {
        byte[] key = emailKey;
        if (key == null) {
            key = secrets.derive("employee-contact-email-hash");
            emailKey = key;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
