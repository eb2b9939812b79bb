package io.upright.web.sitting;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SittingChartTest {

    @Test
    void one_bar_per_period_scaled_to_the_longest_with_its_minutes_and_label_written_out() {
        String svg = SittingChart.svg("t", "Minutes sitting per workday", List.of(
                new SittingChart.Bar("Baseline", 336), new SittingChart.Bar("Check-in 1", 168)));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"t\"", "<title id=\"t\">Minutes sitting per workday</title>",
                        ">336</text>", ">168</text>", ">Baseline</text>", ">Check-in 1</text>");
        List<Integer> heights = heights(svg);
        int plot = SittingChart.HEIGHT - SittingChart.TOP - SittingChart.BOTTOM;
        assertThat(heights).containsExactly(plot, plot / 2);
    }

    @Test
    void labels_are_escaped_and_zero_minutes_draw_no_bar_but_still_the_number() {
        String svg = SittingChart.svg("t", "A <b> & \"c\"", List.of(new SittingChart.Bar("<end>", 0)));

        assertThat(svg).contains("A &lt;b&gt; &amp; &quot;c&quot;", "&lt;end&gt;", ">0</text>").doesNotContain("<end>", "<b>");
        assertThat(heights(svg)).containsExactly(0);
    }

    @Test
    void many_periods_widen_the_drawing_rather_than_squeeze_the_bars() {
        List<SittingChart.Bar> bars = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new SittingChart.Bar("P" + i, 300 - i)).toList();

        String svg = SittingChart.svg("t", "x", bars);

        int width = 2 * SittingChart.SIDE + 10 * (SittingChart.BAR + SittingChart.GAP) - SittingChart.GAP;
        assertThat(svg).contains("viewBox=\"0 0 " + width + " " + SittingChart.HEIGHT + "\"");
        assertThat(heights(svg)).hasSize(10);
    }

    private static List<Integer> heights(String svg) {
        Matcher m = Pattern.compile("<rect [^>]*height=\"(\\d+)\"").matcher(svg);
        List<Integer> heights = new java.util.ArrayList<>();
        while (m.find()) {
            heights.add(Integer.parseInt(m.group(1)));
        }
        return heights;
    }
}
