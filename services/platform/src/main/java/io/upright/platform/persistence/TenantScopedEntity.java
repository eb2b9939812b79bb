package io.upright.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Base of the read-model entities: every row carries its tenant, and ids are only unique within a tenant,
 * so the primary key is ({@code tenant_id}, id). Queries name the fields, e.g. {@code "tenantId = ?1 and id = ?2"}.
 * An entity whose id column is not {@code id} renames it with {@code @AttributeOverride(name = "id", ...)}.
 */
@MappedSuperclass
@IdClass(TenantScopedEntity.Key.class)
public abstract class TenantScopedEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    /** The composite primary key; field names match the entity's id fields, as {@code @IdClass} requires. */
    public static class Key implements Serializable {
        public String tenantId;
        public UUID id;

        public Key() {
        }

        public Key(String tenantId, UUID id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
