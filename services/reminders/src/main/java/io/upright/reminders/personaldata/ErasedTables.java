package io.upright.reminders.personaldata;

import java.util.List;

/** Every table of this service with rows about one employee (column {@code employee_id}); erasure empties them all. */
public final class ErasedTables {

    public static final List<String> BY_EMPLOYEE = List.of("due_reminder", "schedule", "employee_routine", "employee_risk",
            "employee_risk_reading");

    private ErasedTables() {
    }
}
