package io.upright.platform.personaldata;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One service's part of an employee's data export (GDPR Art. 15 and 20): everything that service holds about the
 * person, as plain JSON-able values. Programs gathers the parts of every service into one document.
 */
public record PersonalDataExport(String service, UUID employeeId, Instant exportedAt, Map<String, Object> data) {

    /** The path every service serves its part on; programs calls it with the requester's own token. */
    public static final String PATH = "/api/personal-data-exports/{employeeId}";
}
