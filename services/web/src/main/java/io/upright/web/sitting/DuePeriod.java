package io.upright.web.sitting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which sitting period to ask for: the baseline until it is answered, then the period after the latest one answered
 * (check-in 1, 2, … and at last the end). The service accepts any period at any time and does not know the program's
 * calendar here, so the page offers this one first and lets the person pick another. Pure.
 */
public final class DuePeriod {

    private DuePeriod() {
    }

    /** Empty when every period up to the end is answered. {@code periods} in order, as the questionnaire lists them. */
    public static Optional<String> of(List<String> periods, Collection<String> answered) {
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        if (!answered.contains(periods.get(0))) {
            return Optional.of(periods.get(0));
        }
        int latest = 0;
        for (int i = 0; i < periods.size(); i++) {
            if (answered.contains(periods.get(i))) {
                latest = i;
            }
        }
        return latest + 1 < periods.size() ? Optional.of(periods.get(latest + 1)) : Optional.empty();
    }
}
