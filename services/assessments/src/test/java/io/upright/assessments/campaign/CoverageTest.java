package io.upright.assessments.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    @Test
    void a_team_at_the_threshold_shows_counts_and_a_percentage_rounded_down() {
        assertThat(Coverage.of(6, 4, 5)).isEqualTo(new Coverage(6, 4, 66, false));
        assertThat(Coverage.of(5, 0, 5)).isEqualTo(new Coverage(5, 0, 0, false));
        assertThat(Coverage.of(5, 5, 5)).isEqualTo(new Coverage(5, 5, 100, false));
    }

    @Test
    void a_team_below_the_threshold_shows_nothing_not_even_its_size() {
        assertThat(Coverage.of(4, 4, 5)).isEqualTo(new Coverage(null, null, null, true));
        assertThat(Coverage.of(0, 0, 5)).isEqualTo(new Coverage(null, null, null, true));
    }

    @Test
    void a_configured_threshold_below_five_is_raised_to_five() {
        assertThat(Coverage.effectiveThreshold(2)).isEqualTo(5);
        assertThat(Coverage.of(4, 1, 2).suppressed()).isTrue();
    }

    @Test
    void a_stricter_threshold_is_honoured() {
        assertThat(Coverage.effectiveThreshold(10)).isEqualTo(10);
        assertThat(Coverage.of(9, 9, 10).suppressed()).isTrue();
        assertThat(Coverage.of(10, 9, 10)).isEqualTo(new Coverage(10, 9, 90, false));
    }

    @Test
    void a_tenants_stricter_k_hides_a_team_the_services_threshold_would_show() {
        assertThat(Coverage.of(6, 3, 5, null)).isEqualTo(new Coverage(6, 3, 50, false));
        assertThat(Coverage.of(6, 3, 5, 8)).isEqualTo(new Coverage(null, null, null, true));
        assertThat(Coverage.of(8, 3, 5, 8)).isEqualTo(new Coverage(8, 3, 37, false));
        assertThat(Coverage.effectiveThreshold(5, 8)).isEqualTo(8);
    }

    @Test
    void a_tenants_k_never_loosens_the_services_threshold_nor_the_floor() {
        assertThat(Coverage.effectiveThreshold(10, 8)).isEqualTo(10);
        assertThat(Coverage.of(9, 9, 10, 8).suppressed()).isTrue();
        assertThat(Coverage.effectiveThreshold(2, 3)).isEqualTo(5);
        assertThat(Coverage.of(4, 4, 2, 3).suppressed()).isTrue();
        assertThat(Coverage.effectiveThreshold(5, null)).isEqualTo(5);
    }
}
