package io.upright.reminders.chat;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Read model of a tenant's chat channels; a removed channel's row is deleted. Each kind keeps its own table
 * ({@link SlackChannelRecord}, {@link TeamsChannelRecord} only name it); the columns and all code are shared.
 */
@MappedSuperclass
public abstract class ChatChannelRecord extends TenantScopedEntity {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    /** AES-GCM sealed; opened only to post a reminder. */
    @Column(name = "sealed_url")
    public String sealedUrl;

    /** Enough of the URL to tell channels apart, not enough to post to one. */
    @Column(name = "url_hint")
    public String urlHint;

    @Column(name = "team_id")
    public UUID teamId;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public long version;

    /** The channel's webhook is gone: no more posts to it. Written here, so the change is tracked on the entity. */
    void markDisabled(Instant at, long newVersion) {
        status = DISABLED;
        disabledAt = at;
        version = newVersion;
    }

    /** The entity class holding this kind's channels. */
    static Class<? extends ChatChannelRecord> type(ChatChannelKind kind) {
        return kind == ChatChannelKind.SLACK ? SlackChannelRecord.class : TeamsChannelRecord.class;
    }

    static ChatChannelRecord create(ChatChannelKind kind) {
        return kind == ChatChannelKind.SLACK ? new SlackChannelRecord() : new TeamsChannelRecord();
    }

    /** The table of this kind's channels, for the engine's plain-SQL reads. */
    public static String table(ChatChannelKind kind) {
        return type(kind).getAnnotation(Table.class).name();
    }
}
