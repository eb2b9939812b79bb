package io.upright.platform.notes;

import io.upright.platform.personaldata.PersonalDataPart;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** The test application's part of a data export, so the platform's export resource has something to serve. */
@ApplicationScoped
public class NotesPersonalData implements PersonalDataPart {

    @Override
    public String service() {
        return "notes";
    }

    @Override
    public Map<String, Object> export(String tenant, UUID employeeId) {
        return Map.of("tenant", tenant, "employeeId", employeeId.toString());
    }
}
