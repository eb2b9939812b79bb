package io.upright.platform.personaldata;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one service holds about one employee, for their data export. Each service that holds personal data provides
 * exactly one bean of this type in its {@code personaldata} package; the platform's export resource serves it, and
 * the same package holds the service's erasure, so the two name the same stores.
 */
public interface PersonalDataPart {

    /** The service's name in the gathered document (e.g. {@code assessments}). */
    String service();

    /** Everything the service holds about the employee in the tenant, as plain JSON-able values. */
    Map<String, Object> export(String tenant, UUID employeeId);

    /**
     * The names, at any depth of {@link #export}, of sections or fields that hold health data (answers, pain, red
     * flags, scores, risk, findings, routines, what is withheld). They go to the employee only: an admin exporting on
     * the employee's behalf gets the document without them, and a {@code withheld} note saying so.
     */
    default Set<String> healthFields() {
        return Set.of();
    }
}
