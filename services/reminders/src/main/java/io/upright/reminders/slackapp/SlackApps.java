package io.upright.reminders.slackapp;

import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.webhook.SecretBox;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Slack app's installations: "Add to Slack" (OAuth v2) for a tenant's admin, and the end of an installation
 * when Slack says so or the admin removes it. Event store and read model change in one transaction.
 */
@ApplicationScoped
public class SlackApps {

    private static final Logger LOG = Logger.getLogger(SlackApps.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    RemindersConfig config;

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    SlackWebApi slack;

    @Inject
    DataSource dataSource;

    /** An active installation as the engine and the interaction endpoints need it (the token still sealed). */
    public record ActiveInstallation(String tenant, UUID id, String slackTeamId, String botUserId, String sealedBotToken) {
    }

    /** The link an admin opens to add the app to their workspace. */
    public record InstallLink(String authorizeUrl, Instant expiresAt) {
    }

    /** A single-use, expiring state binds Slack's redirect back to the tenant whose admin asked. */
    @Transactional
    public InstallLink beginInstall(String tenant) {
        String clientId = config.slackApp().clientId().filter(v -> !v.isBlank())
                .orElseThrow(() -> ProblemException.conflict("The Slack app is not configured here "
                        + "(upright.reminders.slack-app.client-id and client-secret): it cannot be installed"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now(clock).plus(config.slackApp().installWindow());
        update("insert into slack_install_state (state, tenant_id, expires_at) values (?, ?, ?)", state, tenant,
                Timestamp.from(expiresAt));
        StringBuilder url = new StringBuilder(config.slackApp().authorizeUrl())
                .append("?client_id=").append(encode(clientId))
                .append("&scope=").append(encode(config.slackApp().scopes()))
                .append("&state=").append(encode(state));
        config.slackApp().redirectUri().ifPresent(uri -> url.append("&redirect_uri=").append(encode(uri)));
        return new InstallLink(url.toString(), expiresAt);
    }

    /**
     * Slack sent the admin back with a code: exchanged for the bot token, which is stored sealed. A tenant has one
     * active installation; a new one replaces the old.
     */
    @Transactional
    public SlackAppInstallationRecord completeInstall(String state, String code) {
        String tenant = consumeState(state);
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("code", "is required");
        }
        SlackWebApi.Installed installed;
        try {
            installed = slack.exchange(code);
        } catch (SlackWebApi.SlackCallFailed e) {
            LOG.warnf("Slack refused an install for tenant %s: %s", tenant, e.error());
            throw ProblemException.invalid("code", "Slack did not accept it (" + e.error() + "); start again with Add to Slack");
        }
        Instant now = Instant.now(clock);
        SlackAppInstallationRecord previous = activeRecord(tenant);
        if (previous != null) {
            disable(previous, "replaced by a new installation", now);
        }
        UUID id = UUID.randomUUID();
        Decision<SlackAppDecider.Installation, SlackAppEvent> decision = aggregates.handle(tenant, SlackAppDecider.SLACK_APP, id,
                new SlackAppDecider.Install(id, installed.slackTeamId(), installed.slackTeamName(), installed.botUserId(),
                        secrets.seal(installed.botToken()), now));
        SlackAppEvent.SlackAppInstalled event = (SlackAppEvent.SlackAppInstalled) decision.newEvents().get(0);
        SlackAppInstallationRecord record = new SlackAppInstallationRecord();
        record.tenantId = tenant;
        record.id = id;
        record.slackTeamId = event.slackTeamId();
        record.slackTeamName = event.slackTeamName();
        record.botUserId = event.botUserId();
        record.sealedBotToken = event.sealedBotToken();
        record.status = SlackAppInstallationRecord.ACTIVE;
        record.installedAt = now;
        record.version = decision.version();
        record.persist();
        LOG.infof("Slack app installed for tenant %s in workspace %s", tenant, installed.slackTeamId());
        return record;
    }

    /** The tenant's active installation, or 404. */
    public SlackAppInstallationRecord active(String tenant) {
        SlackAppInstallationRecord record = activeRecord(tenant);
        if (record == null) {
            throw ProblemException.notFound("Slack installation");
        }
        return record;
    }

    /** An admin removes the app: no more direct messages (Slack keeps the app until it is removed there too). */
    @Transactional
    public void remove(String tenant) {
        disable(active(tenant), "removed by an admin", Instant.now(clock));
    }

    /** Slack says the app was removed from a workspace: every installation in it stops. */
    @Transactional
    public int disableWorkspace(String slackTeamId, String reason) {
        List<SlackAppInstallationRecord> records = SlackAppInstallationRecord
                .list("slackTeamId = ?1 and status = ?2", slackTeamId, SlackAppInstallationRecord.ACTIVE);
        Instant now = Instant.now(clock);
        records.forEach(record -> disable(record, reason, now));
        return records.size();
    }

    /** Slack says these bot users' tokens were revoked. */
    @Transactional
    public int disableBots(String slackTeamId, List<String> botUserIds, String reason) {
        List<SlackAppInstallationRecord> records = SlackAppInstallationRecord
                .list("slackTeamId = ?1 and status = ?2", slackTeamId, SlackAppInstallationRecord.ACTIVE);
        Instant now = Instant.now(clock);
        int disabled = 0;
        for (SlackAppInstallationRecord record : records) {
            if (botUserIds.contains(record.botUserId)) {
                disable(record, reason, now);
                disabled++;
            }
        }
        return disabled;
    }

    /** The engine found the token refused: the installation stops. */
    @Transactional
    public void disable(String tenant, UUID installationId, String reason) {
        SlackAppInstallationRecord record = SlackAppInstallationRecord.find("tenantId = ?1 and id = ?2", tenant, installationId)
                .firstResult();
        if (record != null && SlackAppInstallationRecord.ACTIVE.equals(record.status)) {
            disable(record, reason, Instant.now(clock));
        }
    }

    /** The tenant's active installation for the engine: plain SQL, it runs with no transaction or request context. */
    public Optional<ActiveInstallation> activeInstallation(String tenant) {
        return query("select tenant_id, id, slack_team_id, bot_user_id, sealed_bot_token from slack_app_installation "
                + "where tenant_id = ? and status = 'active'", tenant).stream().findFirst();
    }

    /** Every active installation, of every tenant (the directory sync reads each workspace). */
    public List<ActiveInstallation> allActive() {
        List<ActiveInstallation> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, id, slack_team_id, bot_user_id, sealed_bot_token "
                     + "from slack_app_installation where status = 'active'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new ActiveInstallation(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Slack installations", e);
        }
    }

    /** Active installations in a Slack workspace (interactions name the workspace, not the tenant). */
    public List<ActiveInstallation> activeInWorkspace(String slackTeamId) {
        return query("select tenant_id, id, slack_team_id, bot_user_id, sealed_bot_token from slack_app_installation "
                + "where slack_team_id = ? and status = 'active'", slackTeamId);
    }

    /**
     * Seals an active installation's bot token again under the current secret key when it was sealed under a previous
     * one (the secret key was replaced). Whether it did. A disabled installation's token is never used again: left.
     */
    @Transactional
    public boolean resealIfNeeded(String tenant, UUID installationId) {
        SlackAppInstallationRecord record = SlackAppInstallationRecord.find("tenantId = ?1 and id = ?2", tenant, installationId)
                .firstResult();
        if (record == null || !SlackAppInstallationRecord.ACTIVE.equals(record.status)) {
            return false;
        }
        SecretBox.Opened token = secrets.openAndTell(record.sealedBotToken);
        if (!token.underPrevious()) {
            return false;
        }
        Decision<SlackAppDecider.Installation, SlackAppEvent> decision = aggregates.handle(tenant, SlackAppDecider.SLACK_APP,
                installationId, new SlackAppDecider.Reseal(secrets.seal(token.plaintext()), Instant.now(clock)));
        record.sealedBotToken = ((SlackAppEvent.SlackAppTokenResealed) decision.newEvents().get(0)).sealedBotToken();
        record.version = decision.version();
        return true;
    }

    /** The bot token, opened for one call. */
    public String botToken(ActiveInstallation installation) {
        return secrets.open(installation.sealedBotToken());
    }

    private void disable(SlackAppInstallationRecord record, String reason, Instant now) {
        Decision<SlackAppDecider.Installation, SlackAppEvent> decision = aggregates.handle(record.tenantId, SlackAppDecider.SLACK_APP,
                record.id, new SlackAppDecider.Disable(reason, now));
        if (decision.newEvents().isEmpty()) {
            return;
        }
        record.status = SlackAppInstallationRecord.DISABLED;
        record.disabledAt = now;
        record.disabledReason = reason;
        record.version = decision.version();
        LOG.infof("Slack app installation %s of tenant %s disabled: %s", record.id, record.tenantId, reason);
    }

    private SlackAppInstallationRecord activeRecord(String tenant) {
        return SlackAppInstallationRecord.find("tenantId = ?1 and status = ?2", tenant, SlackAppInstallationRecord.ACTIVE)
                .firstResult();
    }

    /** The tenant a valid state was issued for; the state is used up. */
    private String consumeState(String state) {
        if (state == null || state.isBlank() || state.length() > 100) {
            throw ProblemException.invalid("state", "is required");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from slack_install_state where state = ? returning tenant_id, expires_at")) {
            ps.setString(1, state);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(2).toInstant().isBefore(Instant.now(clock))) {
                    throw ProblemException.invalid("state", "is unknown, used already or expired: start again with Add to Slack");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the Slack install state", e);
        }
    }

    private List<ActiveInstallation> query(String sql, String parameter) {
        List<ActiveInstallation> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new ActiveInstallation(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Slack installations", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write Slack install state", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
