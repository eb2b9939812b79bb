package io.upright.platform.personaldata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the health data out of an export part for an admin exporting on an employee's behalf: every entry, at any
 * depth, whose name is one of the part's {@link PersonalDataPart#healthFields()}, and adds a {@code withheld} note
 * naming what was left out and why. Pure, so it is tested without Quarkus.
 */
public final class HealthRedaction {

    /** The key of the note in a redacted part. */
    public static final String WITHHELD = "withheld";

    static final String REASON = "Health answers and results (answers, pain, red flags, scores, risk, findings, routines "
            + "and what is paused) are delivered to the employee only. They are left out of an export made on the "
            + "employee's behalf: the employee can export everything from their own account.";

    private HealthRedaction() {
    }

    /** A copy of {@code data} without the health fields, plus the note; {@code data} itself is left as it is. */
    public static Map<String, Object> forSomeoneElse(Map<String, Object> data, Set<String> healthFields) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) strip(data, healthFields);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("fields", healthFields.stream().sorted().toList());
        note.put("reason", REASON);
        copy.put(WITHHELD, note);
        return copy;
    }

    private static Object strip(Object value, Set<String> healthFields) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                if (!healthFields.contains(name)) {
                    copy.put(name, strip(inner, healthFields));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(strip(inner, healthFields)));
            return copy;
        }
        return value;
    }
}
