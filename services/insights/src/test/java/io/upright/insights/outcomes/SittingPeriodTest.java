package io.upright.insights.outcomes;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SittingPeriodTest {

    @Test
    void end_is_later_than_every_check_in_and_a_higher_check_in_later_than_a_lower_one() {
        List<String> ordered = Stream.of("end", "check-in-10", "baseline", "check-in-2", "check-in-1")
                .map(p -> SittingPeriod.parse(p).orElseThrow()).sorted().map(SittingPeriod::name).toList();

        assertThat(ordered).containsExactly("baseline", "check-in-1", "check-in-2", "check-in-10", "end");
        assertThat(SittingPeriod.parse("baseline").orElseThrow().baseline()).isTrue();
        assertThat(SittingPeriod.parse("end").orElseThrow().baseline()).isFalse();
    }

    @Test
    void other_names_are_no_period() {
        for (String name : new String[] {null, "", "Baseline", "check-in-0", "check-in-", "check-in-x", "check-in-01", "final"}) {
            assertThat(SittingPeriod.parse(name)).as(String.valueOf(name)).isEmpty();
        }
    }
}
