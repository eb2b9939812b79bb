package io.upright.assessments.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of every ROSA chart, read through the public look-ups. The expected rows below are a second, typed
 * transcription of the published charts (axes and sources in {@link RosaCharts} and the README), so a slip in
 * the production arrays or in the index arithmetic fails here.
 */
class RosaChartsTest {

    // Chart A: rows seat pan height + depth 2..8, columns armrests + back support 2..9
    private static final String[] A = {
            "2 2 3 4 5 6 7 8",
            "2 2 3 4 5 6 7 8",
            "3 3 3 4 5 6 7 8",
            "4 4 4 4 5 6 7 8",
            "5 5 5 5 6 7 8 9",
            "6 6 6 7 7 8 8 9",
            "7 7 7 8 8 9 9 9"};
    // Chart B: rows telephone 0..6, columns monitor 0..7
    private static final String[] B = {
            "1 1 1 2 3 4 5 6",
            "1 1 2 2 3 4 5 6",
            "1 2 2 3 3 4 6 7",
            "2 2 3 3 4 5 6 8",
            "3 3 4 4 5 6 7 8",
            "4 4 5 5 6 7 8 9",
            "5 5 6 7 8 8 9 9"};
    // Chart C: rows mouse 0..7, columns keyboard 0..7
    private static final String[] C = {
            "1 1 1 2 3 4 5 6",
            "1 1 2 3 4 5 6 7",
            "1 2 2 3 4 5 6 7",
            "2 3 3 3 5 6 7 8",
            "3 4 4 5 5 6 7 8",
            "4 5 5 6 6 7 8 9",
            "5 6 6 7 7 8 8 9",
            "6 7 7 8 8 9 9 9"};
    // Chart D: rows Chart B score 1..9, columns Chart C score 1..9
    private static final String[] D = {
            "1 2 3 4 5 6 7 8 9",
            "2 2 3 4 5 6 7 8 9",
            "3 3 3 4 5 6 7 8 9",
            "4 4 4 4 5 6 7 8 9",
            "5 5 5 5 5 6 7 8 9",
            "6 6 6 6 6 6 7 8 9",
            "7 7 7 7 7 7 7 8 9",
            "8 8 8 8 8 8 8 8 9",
            "9 9 9 9 9 9 9 9 9"};
    // Final chart: rows chair score 1..10, columns monitor-and-peripherals score 1..10
    private static final String[] FINAL = {
            "1 2 3 4 5 6 7 8 9 10",
            "2 2 3 4 5 6 7 8 9 10",
            "3 3 3 4 5 6 7 8 9 10",
            "4 4 4 4 5 6 7 8 9 10",
            "5 5 5 5 5 6 7 8 9 10",
            "6 6 6 6 6 6 7 8 9 10",
            "7 7 7 7 7 7 7 8 9 10",
            "8 8 8 8 8 8 8 8 9 10",
            "9 9 9 9 9 9 9 9 9 10",
            "10 10 10 10 10 10 10 10 10 10"};

    static Stream<Arguments> chartACells() {
        return cells(A, 2, 2);
    }

    static Stream<Arguments> chartBCells() {
        return cells(B, 0, 0);
    }

    static Stream<Arguments> chartCCells() {
        return cells(C, 0, 0);
    }

    static Stream<Arguments> chartDCells() {
        return cells(D, 1, 1);
    }

    static Stream<Arguments> finalChartCells() {
        return cells(FINAL, 1, 1);
    }

    @ParameterizedTest(name = "Chart A seat {0} arms/back {1} = {2}")
    @MethodSource("chartACells")
    void chart_a_every_cell(int seatHeightPlusDepth, int armrestsPlusBack, int expected) {
        assertThat(RosaCharts.chartA(seatHeightPlusDepth, armrestsPlusBack)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Chart B telephone {0} monitor {1} = {2}")
    @MethodSource("chartBCells")
    void chart_b_every_cell(int telephone, int monitor, int expected) {
        assertThat(RosaCharts.chartB(telephone, monitor)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Chart C mouse {0} keyboard {1} = {2}")
    @MethodSource("chartCCells")
    void chart_c_every_cell(int mouse, int keyboard, int expected) {
        assertThat(RosaCharts.chartC(mouse, keyboard)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Chart D B {0} C {1} = {2}")
    @MethodSource("chartDCells")
    void chart_d_every_cell(int monitorAndTelephone, int mouseAndKeyboard, int expected) {
        assertThat(RosaCharts.chartD(monitorAndTelephone, mouseAndKeyboard)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Final chart chair {0} peripherals {1} = {2}")
    @MethodSource("finalChartCells")
    void final_chart_every_cell(int chair, int monitorAndPeripherals, int expected) {
        assertThat(RosaCharts.finalChart(chair, monitorAndPeripherals)).isEqualTo(expected);
    }

    @Test
    void chart_sizes_match_the_score_sheet_axes() {
        assertThat(RosaCharts.CHART_A).hasDimensions(7, 8);
        assertThat(RosaCharts.CHART_B).hasDimensions(7, 8);
        assertThat(RosaCharts.CHART_C).hasDimensions(8, 8);
        assertThat(RosaCharts.CHART_D).hasDimensions(9, 9);
        assertThat(RosaCharts.CHART_FINAL).hasDimensions(10, 10);
    }

    @Test
    void selected_cells_written_out_from_the_source() {
        assertThat(RosaCharts.chartA(2, 2)).isEqualTo(2);
        assertThat(RosaCharts.chartA(5, 5)).isEqualTo(4);
        assertThat(RosaCharts.chartA(7, 5)).isEqualTo(7);
        assertThat(RosaCharts.chartA(5, 7)).isEqualTo(6);
        assertThat(RosaCharts.chartA(6, 6)).isEqualTo(6);
        assertThat(RosaCharts.chartA(8, 9)).isEqualTo(9);
        assertThat(RosaCharts.chartB(0, 0)).isEqualTo(1);
        assertThat(RosaCharts.chartB(2, 6)).isEqualTo(6);
        assertThat(RosaCharts.chartB(3, 7)).isEqualTo(8);
        assertThat(RosaCharts.chartB(6, 3)).isEqualTo(7);
        assertThat(RosaCharts.chartB(6, 7)).isEqualTo(9);
        assertThat(RosaCharts.chartC(0, 7)).isEqualTo(6);
        assertThat(RosaCharts.chartC(7, 0)).isEqualTo(6);
        assertThat(RosaCharts.chartC(3, 4)).isEqualTo(5);
        assertThat(RosaCharts.chartC(7, 7)).isEqualTo(9);
        assertThat(RosaCharts.chartD(1, 1)).isEqualTo(1);
        assertThat(RosaCharts.chartD(5, 3)).isEqualTo(5);
        assertThat(RosaCharts.chartD(3, 5)).isEqualTo(5);
        assertThat(RosaCharts.chartD(9, 1)).isEqualTo(9);
        assertThat(RosaCharts.finalChart(1, 1)).isEqualTo(1);
        assertThat(RosaCharts.finalChart(4, 6)).isEqualTo(6);
        assertThat(RosaCharts.finalChart(10, 1)).isEqualTo(10);
        assertThat(RosaCharts.finalChart(1, 10)).isEqualTo(10);
    }

    @Test
    void every_chart_never_decreases_along_a_row_or_a_column() {
        // a worse posture on either axis can never lower a chart's score: a structural check on the transcription
        for (int[][] chart : List.of(RosaCharts.CHART_A, RosaCharts.CHART_B, RosaCharts.CHART_C, RosaCharts.CHART_D,
                RosaCharts.CHART_FINAL)) {
            for (int r = 0; r < chart.length; r++) {
                for (int c = 0; c < chart[r].length; c++) {
                    if (r > 0) {
                        assertThat(chart[r][c]).isGreaterThanOrEqualTo(chart[r - 1][c]);
                    }
                    if (c > 0) {
                        assertThat(chart[r][c]).isGreaterThanOrEqualTo(chart[r][c - 1]);
                    }
                }
            }
        }
    }

    @Test
    void sums_beyond_a_chart_edge_read_the_nearest_printed_row_or_column() {
        // monitor 3 + four "+1"s + duration +1 = 8 on the 0..7 axis: read as 7, never extrapolated
        assertThat(RosaCharts.chartB(0, 8)).isEqualTo(RosaCharts.chartB(0, 7)).isEqualTo(6);
        assertThat(RosaCharts.chartB(6, 8)).isEqualTo(9);
        assertThat(RosaCharts.chartB(-1, -1)).isEqualTo(RosaCharts.chartB(0, 0));
        assertThat(RosaCharts.chartC(8, 8)).isEqualTo(RosaCharts.chartC(7, 7));
        assertThat(RosaCharts.chartA(1, 1)).isEqualTo(RosaCharts.chartA(2, 2));
        assertThat(RosaCharts.chartA(9, 10)).isEqualTo(RosaCharts.chartA(8, 9));
        assertThat(RosaCharts.chartD(0, 10)).isEqualTo(RosaCharts.chartD(1, 9));
        assertThat(RosaCharts.finalChart(11, 0)).isEqualTo(RosaCharts.finalChart(10, 1));
    }

    private static Stream<Arguments> cells(String[] rows, int firstRow, int firstColumn) {
        List<Arguments> cells = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            int[] values = Arrays.stream(rows[r].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            for (int c = 0; c < values.length; c++) {
                cells.add(Arguments.of(firstRow + r, firstColumn + c, values[c]));
            }
        }
        return cells.stream();
    }
}
