package io.upright.insights.outcomes;

import io.upright.insights.outcomes.PairedChange.Minutes;
import io.upright.insights.outcomes.PairedChange.Pair;
import io.upright.insights.outcomes.PairedChange.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedChangeTest {

    private static Pair pair(int baselineSitting, int laterSitting) {
        return new Pair(new Minutes(baselineSitting, 60, 30, 5), new Minutes(laterSitting, 90, 40, 5));
    }

    @Test
    void five_people_give_the_hand_computed_mean_difference_sd_and_t_interval() {
        // differences later - baseline: -40, -10, -60, 0, -30
        Result r = PairedChange.of(List.of(pair(300, 260), pair(280, 270), pair(360, 300), pair(240, 240), pair(320, 290)));

        // n = 5; mean baseline (300+280+360+240+320)/5 = 1500/5 = 300; mean later 1360/5 = 272
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.meanBaselineSitting()).isEqualTo(300.0);
        assertThat(r.meanLaterSitting()).isEqualTo(272.0);
        // mean difference -140/5 = -28
        assertThat(r.meanDifference()).isEqualTo(-28.0);
        // deviations -12, 18, -32, 28, -2; squares 144 + 324 + 1024 + 784 + 4 = 2280; / (n-1) = 570; sd = sqrt(570) = 23.8747
        assertThat(r.sdDifference()).isCloseTo(23.8747, within(0.0001));
        // t(0.975; 4) = 2.776 (table: 2.7764); standard error sd/sqrt(5) = sqrt(570/5) = sqrt(114) = 10.6771
        // half width 2.7764 * 10.6771 = 29.6437; CI -28 +- 29.6437 = [-57.6437, 1.6437]: it contains 0
        assertThat(r.t()).isCloseTo(2.776, within(0.0005));
        assertThat(r.ci95().low()).isCloseTo(-57.644, within(0.001));
        assertThat(r.ci95().high()).isCloseTo(1.644, within(0.001));
        // fell by at least 30: -40, -60 and -30 (exactly 30 counts) -> 3 of 5
        assertThat(r.shareFellByAtLeast30()).isEqualTo(0.6);
        assertThat(r.meanBaselineStanding()).isEqualTo(60.0);
        assertThat(r.meanLaterStanding()).isEqualTo(90.0);
        assertThat(r.meanBaselineWalking()).isEqualTo(30.0);
        assertThat(r.meanLaterWalking()).isEqualTo(40.0);
    }

    @Test
    void a_week_without_work_on_either_side_or_a_missing_side_leaves_the_person_out() {
        Result r = PairedChange.of(List.of(
                pair(300, 260),
                pair(280, 250),
                new Pair(new Minutes(0, 0, 0, 0), new Minutes(200, 60, 30, 5)),
                new Pair(new Minutes(400, 60, 30, 5), new Minutes(0, 0, 0, 0)),
                new Pair(new Minutes(400, 60, 30, 5), null)));

        assertThat(r.n()).isEqualTo(2);
        assertThat(r.meanBaselineSitting()).isEqualTo(290.0);
        assertThat(r.meanDifference()).isEqualTo(-35.0);
        // differences -40, -30: sd = sqrt((25 + 25) / 1) = 7.0711; t(1) = 12.706; CI -35 +- 12.7062 * 7.0711 / sqrt(2) = -35 +- 63.531
        assertThat(r.sdDifference()).isCloseTo(Math.sqrt(50), within(1e-9));
        assertThat(r.ci95().low()).isCloseTo(-98.531, within(0.001));
        assertThat(r.ci95().high()).isCloseTo(28.531, within(0.001));
        assertThat(r.shareFellByAtLeast30()).isEqualTo(1.0);
    }

    @Test
    void one_person_has_means_and_a_difference_but_no_sd_and_no_interval() {
        Result r = PairedChange.of(List.of(pair(300, 250)));

        assertThat(r.n()).isEqualTo(1);
        assertThat(r.meanDifference()).isEqualTo(-50.0);
        assertThat(r.sdDifference()).isNull();
        assertThat(r.t()).isNull();
        assertThat(r.ci95()).isNull();
        assertThat(r.shareFellByAtLeast30()).isEqualTo(1.0);
    }

    @Test
    void nobody_paired_has_no_figures_at_all() {
        Result r = PairedChange.of(List.of());

        assertThat(r.n()).isZero();
        assertThat(r.meanBaselineSitting()).isNull();
        assertThat(r.meanDifference()).isNull();
        assertThat(r.ci95()).isNull();
        assertThat(r.shareFellByAtLeast30()).isNull();
    }

    @Test
    void identical_differences_have_sd_zero_and_an_interval_of_one_point() {
        Result r = PairedChange.of(List.of(pair(300, 280), pair(250, 230), pair(400, 380)));

        assertThat(r.n()).isEqualTo(3);
        assertThat(r.meanDifference()).isEqualTo(-20.0);
        assertThat(r.sdDifference()).isEqualTo(0.0);
        assertThat(r.ci95().low()).isEqualTo(-20.0);
        assertThat(r.ci95().high()).isEqualTo(-20.0);
        assertThat(r.shareFellByAtLeast30()).isEqualTo(0.0);
    }

    @Test
    void the_t_quantile_is_the_table_to_three_decimals_up_to_30_and_close_beyond() {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
                2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
                2.045, 2.042};
        for (int df = 1; df <= 30; df++) {
            assertThat(Math.round(StudentT.quantile975(df) * 1000) / 1000.0).as("df %d", df).isEqualTo(table[df - 1]);
        }
        // published values: t(31) 2.0395, t(40) 2.0211, t(60) 2.0003, t(120) 1.9799, t(1000) 1.9623; the limit 1.95996
        assertThat(StudentT.quantile975(31)).isCloseTo(2.0395, within(0.0001));
        assertThat(StudentT.quantile975(40)).isCloseTo(2.0211, within(0.0001));
        assertThat(StudentT.quantile975(60)).isCloseTo(2.0003, within(0.0001));
        assertThat(StudentT.quantile975(120)).isCloseTo(1.9799, within(0.0001));
        assertThat(StudentT.quantile975(1000)).isCloseTo(1.9623, within(0.0001));
        assertThat(StudentT.quantile975(1_000_000)).isCloseTo(StudentT.Z_975, within(0.00001));
        assertThatThrownBy(() -> StudentT.quantile975(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
