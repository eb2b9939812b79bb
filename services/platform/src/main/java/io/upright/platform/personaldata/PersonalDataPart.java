package io.upright.platform.personaldata;

import java.util.Map;
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
}
