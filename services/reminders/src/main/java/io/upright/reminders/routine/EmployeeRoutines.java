package io.upright.reminders.routine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.exercises.MicroBreak;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.reminders.reminder.BreakSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a reminder should suggest to each employee: a local copy of facts other services own (the exercises
 * service's recommendation, the assessments service's clinical-review hold), so it is a projection, not an
 * aggregate of ours. Facts arrive on two topics in no guaranteed order, so the newest fact (by its own time)
 * wins and an older one never overwrites it.
 */
@ApplicationScoped
public class EmployeeRoutines {

    @Inject
    Clock clock;

    private static final String UPSERT = "insert into employee_routine "
            + "(tenant_id, employee_id, routine_id, routine_title, duration_minutes, withheld, as_of, micro_breaks, "
            + "floor_or_equipment, soft_tissue_release) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (tenant_id, employee_id) do update set routine_id = excluded.routine_id, "
            + "routine_title = excluded.routine_title, duration_minutes = excluded.duration_minutes, "
            + "withheld = excluded.withheld, as_of = excluded.as_of, micro_breaks = excluded.micro_breaks, "
            + "floor_or_equipment = excluded.floor_or_equipment, soft_tissue_release = excluded.soft_tissue_release "
            + "where employee_routine.as_of <= excluded.as_of";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * The exercises service's latest word: a routine (with its micro-breaks and what kind of routine it is), none, or
     * exercises withheld for clinical review (then nothing of it is kept: only walking is suggested). Events written
     * before micro-breaks existed carry none and neither flag.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRecommended(String tenant, RoutineRecommended recommended) {
        boolean withheld = recommended.withheldForClinicalReview();
        List<MicroBreak> microBreaks = withheld ? List.of() : recommended.microBreaks();
        upsert(tenant, recommended.employeeId(), withheld ? null : recommended.routineId(),
                withheld ? null : recommended.routineTitle(), withheld ? null : recommended.durationMinutes(), withheld,
                at(recommended.recommendedAt()), microBreaks.isEmpty() ? null : write(microBreaks),
                !withheld && recommended.floorOrEquipment(), !withheld && recommended.softTissueRelease());
    }

    /**
     * The employee declared a clinician cleared them: the clinical-review hold is lifted, unless a newer fact (a later
     * assessment asking for review again) is already here. What follows is the general walk and built-in micro-breaks
     * until the exercises service recommends again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCleared(String tenant, ClearedByClinician cleared) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update employee_routine set withheld = false, as_of = ? "
                     + "where tenant_id = ? and employee_id = ? and withheld and as_of <= ?")) {
            Timestamp at = Timestamp.from(at(cleared.declaredAt()));
            ps.setTimestamp(1, at);
            ps.setString(2, tenant);
            ps.setObject(3, cleared.employeeId());
            ps.setTimestamp(4, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lift the clinical-review hold", e);
        }
        // the re-screen date of the newest clearance (a redelivered or older one never replaces it)
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update employee_routine set rescreen_by = ?, cleared_at = ? "
                     + "where tenant_id = ? and employee_id = ? and (cleared_at is null or cleared_at < ?)")) {
            Timestamp at = Timestamp.from(at(cleared.declaredAt()));
            ps.setObject(1, cleared.rescreenBy());
            ps.setTimestamp(2, at);
            ps.setString(3, tenant);
            ps.setObject(4, cleared.employeeId());
            ps.setTimestamp(5, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the re-screen date", e);
        }
    }

    /**
     * An assessment asking for clinical review holds exercises at once, without waiting for the exercises
     * service to withdraw the routine: between the two events a reminder must not suggest one. An assessment
     * without that flag holds nothing; only a new recommendation brings a routine back. Either kind is a re-screen.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessed(String tenant, AssessmentCompleted completed) {
        if (completed.clinicalReview()) {
            upsert(tenant, completed.employeeId(), null, null, null, true, at(completed.completedAt()), null, false, false);
        }
        // any assessment answers the safety screen again: one after the clearance ends the re-screen prompt
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update employee_routine set screened_at = ? where tenant_id = ? "
                     + "and employee_id = ? and (screened_at is null or screened_at < ?)")) {
            Timestamp at = Timestamp.from(at(completed.completedAt()));
            ps.setTimestamp(1, at);
            ps.setString(2, tenant);
            ps.setObject(3, completed.employeeId());
            ps.setTimestamp(4, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the assessment time", e);
        }
    }

    /** The employee's current suggestion; the general prompt when nothing is known yet. */
    public BreakSuggestion current(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select routine_id, routine_title, duration_minutes, withheld "
                     + "from employee_routine where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? suggestion(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getBoolean(4))
                        : BreakSuggestion.general();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the employee's routine", e);
        }
    }

    public static BreakSuggestion suggestion(String routineId, String routineTitle, Integer durationMinutes, Boolean withheld) {
        return BreakSuggestion.of(routineId, routineTitle, durationMinutes, withheld);
    }

    private void upsert(String tenant, UUID employeeId, String routineId, String routineTitle, Integer durationMinutes,
                        boolean withheld, Instant asOf, String microBreaks, boolean floorOrEquipment, boolean softTissueRelease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setString(3, routineId);
            ps.setString(4, routineTitle);
            if (durationMinutes == null) {
                ps.setNull(5, Types.INTEGER);
            } else {
                ps.setInt(5, durationMinutes);
            }
            ps.setBoolean(6, withheld);
            ps.setTimestamp(7, Timestamp.from(asOf));
            ps.setString(8, microBreaks);
            ps.setBoolean(9, floorOrEquipment);
            ps.setBoolean(10, softTissueRelease);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the employee's routine", e);
        }
    }

    private String write(List<MicroBreak> microBreaks) {
        try {
            return json.writeValueAsString(microBreaks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant at(Instant factTime) {
        return factTime == null ? Instant.now(clock) : factTime;
    }
}
