package io.upright.exercises.content;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Read model row: one version of one exercise or routine; {@code content} is the item's JSON. */
@Entity
@Table(name = "content_version")
public class ContentVersionRecord extends TenantScopedEntity {

    public String kind;

    @Column(name = "content_id")
    public String contentId;

    public int version;

    public String status;

    public String title;

    public String content;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String note;

    static UUID idOf(String kind, String contentId, int version) {
        return UUID.nameUUIDFromBytes((kind + ":" + contentId + ":" + version).getBytes(StandardCharsets.UTF_8));
    }
}
