package io.upright.web.deskcheck;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartTest {

    @Test
    void no_points_draw_nothing() {
        assertThat(TrendChart.draw(List.of()).empty()).isTrue();
        assertThat(TrendChart.draw(null).empty()).isTrue();
    }

    @Test
    void one_point_is_a_single_labelled_dot_without_a_line() {
        String shapes = TrendChart.draw(List.of(new TrendChart.Point(7, 20))).shapes();

        assertThat(count(shapes, "<circle")).isEqualTo(1);
        assertThat(shapes).doesNotContain("<polyline").contains(">7</text>");
    }

    @Test
    void several_points_are_joined_oldest_first_and_a_lower_score_sits_lower() {
        String shapes = TrendChart.draw(List.of(new TrendChart.Point(12, 20), new TrendChart.Point(7, 20),
                new TrendChart.Point(3, 20))).shapes();

        assertThat(count(shapes, "<circle")).isEqualTo(3);
        Matcher line = Pattern.compile("points=\"([^\"]+)\"").matcher(shapes);
        assertThat(line.find()).isTrue();
        String[] coordinates = line.group(1).split(" ");
        assertThat(coordinates).hasSize(3);
        double[] x = new double[3];
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = Double.parseDouble(coordinates[i].split(",")[0]);
            y[i] = Double.parseDouble(coordinates[i].split(",")[1]);
        }
        assertThat(x[0]).isLessThan(x[1]);
        assertThat(x[1]).isLessThan(x[2]);
        // SVG's y grows downwards: the better (lower) score is drawn lower on the chart
        assertThat(y[0]).isLessThan(y[1]);
        assertThat(y[1]).isLessThan(y[2]);
        assertThat(shapes).contains(">12</text>", ">7</text>", ">3</text>", ">0</text>", ">20</text>");
    }

    @Test
    void every_point_stays_inside_the_drawing() {
        TrendChart.Drawing drawing = TrendChart.draw(List.of(new TrendChart.Point(0, 10), new TrendChart.Point(10, 10)));
        Matcher circles = Pattern.compile("cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(drawing.shapes());
        int found = 0;
        while (circles.find()) {
            found++;
            assertThat(Double.parseDouble(circles.group(1))).isBetween(0.0, (double) drawing.width());
            assertThat(Double.parseDouble(circles.group(2))).isBetween(0.0, (double) drawing.height());
        }
        assertThat(found).isEqualTo(2);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
