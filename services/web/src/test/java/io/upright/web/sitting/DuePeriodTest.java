package io.upright.web.sitting;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DuePeriodTest {

    private static final List<String> PERIODS;

    static {
        List<String> all = new ArrayList<>(List.of("baseline"));
        for (int n = 1; n <= 26; n++) {
            all.add("check-in-" + n);
        }
        all.add("end");
        PERIODS = List.copyOf(all);
    }

    @Test
    void the_baseline_comes_first() {
        assertThat(DuePeriod.of(PERIODS, List.of())).contains("baseline");
        // even when a later period was answered before it
        assertThat(DuePeriod.of(PERIODS, List.of("check-in-2"))).contains("baseline");
    }

    @Test
    void then_the_period_after_the_latest_answered() {
        assertThat(DuePeriod.of(PERIODS, List.of("baseline"))).contains("check-in-1");
        assertThat(DuePeriod.of(PERIODS, List.of("baseline", "check-in-1", "check-in-3"))).contains("check-in-4");
        assertThat(DuePeriod.of(PERIODS, List.of("baseline", "check-in-26"))).contains("end");
    }

    @Test
    void nothing_is_due_once_the_end_is_answered() {
        assertThat(DuePeriod.of(PERIODS, List.of("baseline", "end"))).isEqualTo(Optional.empty());
        assertThat(DuePeriod.of(List.of(), List.of())).isEmpty();
    }
}
