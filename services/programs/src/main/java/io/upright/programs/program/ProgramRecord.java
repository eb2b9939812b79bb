package io.upright.programs.program;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model of a program, rewritten from the aggregate's state after every command in the same transaction. */
@Entity
@Table(name = "program")
public class ProgramRecord extends TenantScopedEntity {

    public String title;

    /** draft, launched, paused or ended */
    public String status;

    /** JSON array of {@link Phase} */
    public String phases;

    @Column(name = "min_break_every_minutes")
    public int minBreakEveryMinutes;

    @Column(name = "max_break_every_minutes")
    public int maxBreakEveryMinutes;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "current_phase")
    public int currentPhase;

    @Column(name = "next_phase_on")
    public LocalDate nextPhaseOn;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ProgramRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }
}
