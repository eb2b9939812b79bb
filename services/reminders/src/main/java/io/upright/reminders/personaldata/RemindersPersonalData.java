package io.upright.reminders.personaldata;

import io.upright.platform.personaldata.ExportRows;
import io.upright.platform.personaldata.PersonalDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** This service's part of an employee's data export: their rows in exactly the tables that erasure empties. */
@ApplicationScoped
public class RemindersPersonalData implements PersonalDataPart {

    @Inject
    DataSource dataSource;

    @Override
    public String service() {
        return "reminders";
    }

    @Override
    public Map<String, Object> export(String tenant, UUID employeeId) {
        Map<String, Object> data = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : ErasedTables.BY_EMPLOYEE) {
                // table names come from the fixed list, never from the request
                data.put(table, ExportRows.of(c, "select * from " + table + " where tenant_id = ? and employee_id = ?",
                        tenant, employeeId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export an employee's reminders data", e);
        }
        return data;
    }

    /** Health data, for the employee's own export only: the routine and micro-break suggested from their findings (and whether it was a soft-tissue release), whether exercises are paused for clinical review, and their risk readings. */
    @Override
    public Set<String> healthFields() {
        return Set.of("employee_routine", "employee_risk", "employee_risk_reading", "routine_id", "routine_title", "routine_minutes",
                "exercises_withheld", "suggestion_type", "exercise_id", "exercise_title", "exercise_minutes", "soft_tissue_release",
                "rescreen_by", "cleared_at", "screened_at");
    }
}
