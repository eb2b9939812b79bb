package io.upright.web.sitting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SittingFormTest {

    @Test
    void answers_are_sent_as_typed_decimals_with_a_comma_read_as_the_decimal_mark() {
        Map<String, String> typed = new HashMap<>(Map.of("daysWorked", "5", "hoursWorked", "37,5", "sittingPercent", "70",
                "standingPercent", "20", "walkingPercent", "10", "heavyLabourPercent", "0"));

        SittingForm.Read read = SittingForm.read("baseline", typed);

        assertThat(read.notNumbers()).isEmpty();
        assertThat(read.answers().hoursWorked()).isEqualByComparingTo(new BigDecimal("37.5"));
        assertThat(read.answers().daysWorked()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(read.form().value("hoursWorked")).isEqualTo("37,5");
    }

    @Test
    void blanks_go_to_the_service_as_missing_and_words_are_named_here() {
        Map<String, String> typed = new HashMap<>();
        typed.put("daysWorked", "five");
        typed.put("hoursWorked", "");

        SittingForm.Read read = SittingForm.read("check-in-1", typed);

        assertThat(read.notNumbers()).containsExactly("daysWorked");
        assertThat(read.answers().hoursWorked()).isNull();
        assertThat(read.answers().sittingPercent()).isNull();
        assertThat(read.form().value("daysWorked")).isEqualTo("five");
    }

    @Test
    void an_earlier_answer_fills_the_form_for_correcting() {
        SittingForm form = SittingForm.of("baseline", new MySittingReports.Answers(5, new BigDecimal("40.0"), 70, 20, 10, 0));

        assertThat(form.value("hoursWorked")).isEqualTo("40");
        assertThat(form.value("sittingPercent")).isEqualTo("70");
        assertThat(form.withErrors(Map.of("sittingPercent", "add up to 90")).error("sittingPercent")).isEqualTo("add up to 90");
    }
}
