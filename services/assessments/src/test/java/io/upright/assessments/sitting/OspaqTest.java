package io.upright.assessments.sitting;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OSPAQ v1: every rule of an answer, and the minutes per workday, worked out by hand. */
class OspaqTest {

    static Ospaq.Input input(String hours, String days, String sitting, String standing, String walking, String heavy) {
        return new Ospaq.Input(dec(hours), dec(days), dec(sitting), dec(standing), dec(walking), dec(heavy));
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Ospaq.WorkdayMinutes minutes(String hours, String days, String sitting, String standing,
                                                String walking, String heavy) {
        return Ospaq.perWorkday(Ospaq.validate(input(hours, days, sitting, standing, walking, heavy))).orElseThrow();
    }

    private static List<FieldError> errors(Ospaq.Input input) {
        Rejection rejection = catchThrowableOfType(() -> Ospaq.validate(input), Rejection.class);
        assertThat(rejection).as("rejected").isNotNull();
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
        return rejection.errors();
    }

    private static List<String> fields(Ospaq.Input input) {
        return errors(input).stream().map(FieldError::field).toList();
    }

    @Test
    void forty_hours_over_five_days_at_70_20_10_0_is_480_minutes_a_workday_336_of_them_sitting() {
        // 40 h × 60 / 5 = 480; 480 × 70 % = 336, × 20 % = 96, × 10 % = 48, × 0 % = 0
        assertThat(minutes("40", "5", "70", "20", "10", "0")).isEqualTo(new Ospaq.WorkdayMinutes(480, 336, 96, 48, 0));
    }

    @Test
    void each_figure_is_rounded_half_up_from_the_exact_value_so_the_activities_may_not_add_up_to_the_workday() {
        // 37.5 h × 60 / 5 = 450; 60 % = 270; 25 % = 112.5 → 113; 15 % = 67.5 → 68; 270 + 113 + 68 = 451
        assertThat(minutes("37.5", "5", "60", "25", "15", "0")).isEqualTo(new Ospaq.WorkdayMinutes(450, 270, 113, 68, 0));
        // 10 h × 60 / 7 = 85.71 → 86; 25 % of the exact 85.71 = 21.43 → 21 (25 % of the rounded 86 would be 22)
        assertThat(minutes("10", "7", "50", "25", "25", "0")).isEqualTo(new Ospaq.WorkdayMinutes(86, 43, 21, 21, 0));
        // 22.5 h × 60 / 3 = 450; heavy labour 40 % = 180, walking 35 % = 157.5 → 158, standing 25 % = 112.5 → 113
        assertThat(minutes("22.5", "3", "0", "25", "35", "40")).isEqualTo(new Ospaq.WorkdayMinutes(450, 0, 113, 158, 180));
    }

    @Test
    void the_extremes_stay_whole_minutes_within_a_day() {
        // 100 h over 7 days = 857.14 → 857 a workday; 24 h in one day = 1440
        assertThat(minutes("100", "7", "100", "0", "0", "0")).isEqualTo(new Ospaq.WorkdayMinutes(857, 857, 0, 0, 0));
        assertThat(minutes("24", "1", "0", "0", "0", "100")).isEqualTo(new Ospaq.WorkdayMinutes(1440, 0, 0, 0, 1440));
    }

    @Test
    void hours_keep_one_decimal_so_integers_and_decimals_store_alike() {
        assertThat(Ospaq.validate(input("40", "5", "70", "20", "10", "0")).hoursWorked()).isEqualTo(new BigDecimal("40.0"));
        assertThat(Ospaq.validate(input("37.50", "5", "70", "20", "10", "0")).hoursWorked()).isEqualTo(new BigDecimal("37.5"));
    }

    @Test
    void a_week_without_work_has_no_minutes_and_may_leave_the_shares_out() {
        Ospaq.Answers none = Ospaq.validate(input("0", "0", null, null, null, null));
        assertThat(none.hasWorkday()).isFalse();
        assertThat(none.sittingPercent()).isNull();
        assertThat(Ospaq.perWorkday(none)).isEmpty();
        // given anyway, they still have to be complete and add up to 100
        assertThat(Ospaq.perWorkday(Ospaq.validate(input("0", "0", "70", "20", "10", "0")))).isEmpty();
        assertThat(fields(input("0", "0", "70", null, null, null)))
                .containsExactly("standingPercent", "walkingPercent", "heavyLabourPercent");
    }

    @Test
    void shares_that_do_not_add_up_to_100_name_all_four_fields_and_say_what_they_add_up_to() {
        List<FieldError> errors = errors(input("40", "5", "70", "20", "0", "0"));
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("sittingPercent", "standingPercent", "walkingPercent", "heavyLabourPercent");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("add up to 90").contains("100"));
        assertThat(errors(input("40", "5", "70", "20", "10", "1")).get(0).message()).contains("add up to 101");
    }

    @Test
    void days_and_hours_must_agree_about_whether_there_was_a_workday() {
        assertThat(errors(input("8", "0", "70", "20", "10", "0")))
                .extracting(FieldError::field).containsExactly("daysWorked");
        assertThat(errors(input("0", "3", "70", "20", "10", "0")))
                .extracting(FieldError::field).containsExactly("hoursWorked");
        // more than 24 hours for each day worked cannot be
        assertThat(errors(input("24.1", "1", "70", "20", "10", "0")))
                .extracting(FieldError::field).containsExactly("hoursWorked");
        assertThat(Ospaq.validate(input("48", "2", "70", "20", "10", "0")).daysWorked()).isEqualTo(2);
    }

    @Test
    void every_value_out_of_range_fractional_or_missing_is_named_all_at_once() {
        assertThat(fields(input("100.1", "8", "-1", "101", "1.5", null))).containsExactly(
                "hoursWorked", "daysWorked", "sittingPercent", "standingPercent", "walkingPercent", "heavyLabourPercent");
        assertThat(fields(input("37.25", "5.5", "70", "20", "10", "0"))).containsExactly("hoursWorked", "daysWorked");
        assertThat(errors(input("37.25", "5", "70", "20", "10", "0")).get(0).message()).contains("one decimal");
        assertThat(fields(input(null, null, "70", "20", "10", "0"))).containsExactly("hoursWorked", "daysWorked");
        assertThat(fields(input("40", "5", null, null, null, null)))
                .containsExactly("sittingPercent", "standingPercent", "walkingPercent", "heavyLabourPercent");
        // whatever a client sends: huge, tiny, negative zero-ish, trailing zeros
        assertThat(fields(input("1e309", "-1e400", "9".repeat(400), "70.0", "10", "0")))
                .containsExactly("hoursWorked", "daysWorked", "sittingPercent");
        assertThat(Ospaq.validate(input("40", "5.0", "70.00", "20", "10", "0E+2")).daysWorked()).isEqualTo(5);
    }

    @Test
    void the_served_definition_asks_the_six_questions_with_their_ranges_and_cites_the_source() {
        assertThat(Ospaq.QUESTIONS).extracting(Ospaq.Question::id).containsExactly(
                "daysWorked", "hoursWorked", "sittingPercent", "standingPercent", "walkingPercent", "heavyLabourPercent");
        assertThat(Ospaq.QUESTIONS).extracting(Ospaq.Question::max).containsExactly(7, 100, 100, 100, 100, 100);
        assertThat(Ospaq.QUESTIONS).extracting(Ospaq.Question::decimals).containsExactly(0, 1, 0, 0, 0, 0);
        assertThat(Ospaq.CITATION).contains("Chau JY").contains("Med Sci Sports Exerc 2012;44(1):118");
        assertThat(Ospaq.WHY).contains("sit less");
    }
}
