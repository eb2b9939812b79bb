package io.upright.programs.enrollment;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Read model of an enrolled employee. Name, email and chat handle are stored sealed with the employee's key
 * ({@code pd1:...}); {@code emailLookup} is a keyed hash for the uniqueness check. Erasure empties all four.
 */
@Entity
@Table(name = "employee")
public class EmployeeRecord extends TenantScopedEntity {

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "chat_handle")
    public String chatHandle;

    @Column(name = "email_lookup")
    public String emailLookup;

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

    @Column(name = "left_at")
    public Instant leftAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public static EmployeeRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public static boolean emailTaken(String tenant, String emailLookup) {
        return count("tenantId = ?1 and emailLookup = ?2", tenant, emailLookup) > 0;
    }

    /** enrolled, left or erased (erasure wins: nothing personal is left to show). */
    public String status() {
        return erasedAt != null ? "erased" : leftAt != null ? "left" : "enrolled";
    }
}
