package io.upright.reminders.slackapp;

import io.upright.reminders.RemindersConfig;
import io.upright.reminders.contact.EmployeeContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who each employee is in the tenant's Slack workspace. Found with {@code users.lookupByEmail} on their first
 * delivery (programs shares the email, sealed, in {@code EmployeeContactShared}); when no member has that email, the
 * chat handle is used if it is a Slack user id. The answer is kept per installation; "nobody" is asked again after
 * {@code lookup-retry-after}.
 */
@ApplicationScoped
public class SlackMembers {

    /** What a Slack member id looks like (U… or, in Enterprise Grid, W…). A handle like "@ada" cannot be messaged. */
    private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{6,20}");

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    EmployeeContacts contacts;

    @Inject
    SlackWebApi slack;

    @Inject
    RemindersConfig config;

    /** Programs shared how to find the employee: kept sealed; an earlier lookup is dropped, as it may be stale. */
    public void contactShared(String tenant, UUID employeeId, String email, String chatHandle, Instant sharedAt) {
        if (!contacts.shared(tenant, employeeId, email, chatHandle, sharedAt)) {
            return; // an older contact arrived late
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from slack_member where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget an employee's Slack user", e);
        }
    }

    /** Erasure, or the employee left: nothing of how to reach them stays. */
    public void forget(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[]{"employee_contact", "slack_member", "slack_message"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where tenant_id = ? and employee_id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employeeId);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget an employee's contact", e);
        }
    }

    /**
     * The employee's Slack user in the installation's workspace, looked up if not known yet. The lookup is only made
     * when the workspace's Tier-3 budget has a slot free right now: the engine never waits for one (the directory
     * sync finds everyone within Slack's limits; a lookup only speeds up the first reminder of someone new).
     *
     * @throws SlackWebApi.SlackCallFailed when Slack could not answer now (rate limit, outage, a revoked token)
     */
    public Optional<String> slackUser(SlackApps.ActiveInstallation installation, String botToken, UUID employeeId)
            throws SlackWebApi.SlackCallFailed {
        Instant now = Instant.now(clock);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select slack_user_id, looked_up_at from slack_member "
                    + "where tenant_id = ? and employee_id = ? and installation_id = ?")) {
                ps.setString(1, installation.tenant());
                ps.setObject(2, employeeId);
                ps.setObject(3, installation.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String known = rs.getString(1);
                        if (known != null || rs.getTimestamp(2).toInstant().plus(config.slackApp().lookupRetryAfter()).isAfter(now)) {
                            return Optional.ofNullable(known);
                        }
                    }
                }
            }
            Optional<String> found = lookUp(installation.id(), installation.tenant(), botToken, employeeId);
            try (PreparedStatement ps = c.prepareStatement("insert into slack_member (tenant_id, employee_id, installation_id, "
                    + "slack_user_id, looked_up_at) values (?, ?, ?, ?, ?) on conflict (tenant_id, employee_id, installation_id) "
                    + "do update set slack_user_id = excluded.slack_user_id, looked_up_at = excluded.looked_up_at")) {
                ps.setString(1, installation.tenant());
                ps.setObject(2, employeeId);
                ps.setObject(3, installation.id());
                ps.setString(4, found.orElse(null));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an employee's Slack user", e);
        }
    }

    /** The person's Slack user as the installation last knew it (no lookup): whose reminder a button press is. */
    public Optional<String> knownSlackUser(String tenant, UUID employeeId, UUID installationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select slack_user_id from slack_member "
                     + "where tenant_id = ? and employee_id = ? and installation_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setObject(3, installationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an employee's Slack user", e);
        }
    }

    /**
     * The employee a Slack member is, in the tenant of this installation: known once they got a direct message;
     * otherwise found by their email ({@code users.info}) among the contacts programs shared, and remembered.
     *
     * @throws SlackWebApi.SlackCallFailed when Slack could not answer now
     */
    public Optional<UUID> employeeOf(SlackApps.ActiveInstallation installation, String botToken, String slackUserId)
            throws SlackWebApi.SlackCallFailed {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select employee_id from slack_member "
                     + "where tenant_id = ? and installation_id = ? and slack_user_id = ? order by looked_up_at desc limit 1")) {
            ps.setString(1, installation.tenant());
            ps.setObject(2, installation.id());
            ps.setString(3, slackUserId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Slack members", e);
        }
        Optional<UUID> employee = slack.emailOf(installation.id(), botToken, slackUserId, SlackWebApi.INTERACTIVE_WAIT).flatMap(email -> contacts.byEmail(installation.tenant(), email));
        employee.ifPresent(id -> remember(installation, id, slackUserId));
        return employee;
    }

    /** The employee is this member of the installation's workspace (found by email, in the directory or by lookup). */
    public void remember(SlackApps.ActiveInstallation installation, UUID employeeId, String slackUserId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into slack_member (tenant_id, employee_id, installation_id, "
                     + "slack_user_id, looked_up_at) values (?, ?, ?, ?, ?) on conflict (tenant_id, employee_id, installation_id) "
                     + "do update set slack_user_id = excluded.slack_user_id, looked_up_at = excluded.looked_up_at")) {
            ps.setString(1, installation.tenant());
            ps.setObject(2, employeeId);
            ps.setObject(3, installation.id());
            ps.setString(4, slackUserId);
            ps.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remember a Slack member", e);
        }
    }

    /** Slack says the person cannot be messaged: ask again on the next delivery. */
    public void stale(String tenant, UUID employeeId, UUID installationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from slack_member where tenant_id = ? and employee_id = ? and installation_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setObject(3, installationId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget an employee's Slack user", e);
        }
    }

    private Optional<String> lookUp(UUID installationId, String tenant, String botToken, UUID employeeId) throws SlackWebApi.SlackCallFailed {
        Optional<EmployeeContacts.Contact> contact = contacts.of(tenant, employeeId);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        if (contact.get().email() != null) {
            Optional<String> byEmail = slack.lookupByEmail(installationId, botToken, contact.get().email(), Duration.ZERO);
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        String handle = contact.get().chatHandle();
        return handle != null && SLACK_USER_ID.matcher(handle).matches() ? Optional.of(handle) : Optional.empty();
    }
}
