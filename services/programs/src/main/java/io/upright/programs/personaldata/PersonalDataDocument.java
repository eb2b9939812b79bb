package io.upright.programs.personaldata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Upright holds about one person, across services, as one JSON document (GDPR Art. 15 and 20):
 * the programs part (the only one with name, email and chat handle) and every other service's part by name.
 */
@Schema(name = "PersonalDataDocument")
public record PersonalDataDocument(
        UUID employeeId,
        Instant exportedAt,
        DataExport programs,
        @Schema(description = "each other service's part by service name: {service, employeeId, exportedAt, data}")
        Map<String, Object> services) {
}
