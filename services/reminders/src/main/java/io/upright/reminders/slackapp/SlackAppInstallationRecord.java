package io.upright.reminders.slackapp;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of a tenant's Slack app installations; at most one is active. */
@Entity
@Table(name = "slack_app_installation")
public class SlackAppInstallationRecord extends TenantScopedEntity {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Column(name = "slack_team_id")
    public String slackTeamId;

    @Column(name = "slack_team_name")
    public String slackTeamName;

    @Column(name = "bot_user_id")
    public String botUserId;

    /** AES-GCM sealed; opened only to call Slack. */
    @Column(name = "sealed_bot_token")
    public String sealedBotToken;

    public String status;

    @Column(name = "installed_at")
    public Instant installedAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    public long version;
}
