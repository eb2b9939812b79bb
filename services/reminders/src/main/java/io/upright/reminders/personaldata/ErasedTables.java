package io.upright.reminders.personaldata;

import java.util.List;

/** Every table of this service with rows about one employee (column {@code employee_id}); erasure empties them all. */
public final class ErasedTables {

    public static final List<String> BY_EMPLOYEE = List.of("due_reminder", "schedule", "employee_routine", "employee_risk",
            "employee_risk_reading", "slack_member", "slack_message", "sign_in_link_redeemed");

    /**
     * Erased too, but left out of the export: the sealed copy of the email and chat handle that programs shared, which
     * programs' own part of the export shows in the clear.
     */
    public static final List<String> ERASED_ONLY = List.of("employee_contact");

    private ErasedTables() {
    }
}
