package io.upright.programs.enrollment;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of an enrolled employee: the only table in Upright with names and emails. */
@Entity
@Table(name = "employee")
public class EmployeeRecord extends TenantScopedEntity {

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "workday_start")
    public String workdayStart;

    @Column(name = "workday_end")
    public String workdayEnd;

    @Column(name = "standing_desk")
    public boolean standingDesk;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    public static EmployeeRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public static boolean emailTaken(String tenant, String email) {
        return count("tenantId = ?1 and lower(email) = lower(?2)", tenant, email) > 0;
    }
}
