package io.upright.assessments.scoring;

/**
 * The five ROSA look-up charts (Sonne, Villalta &amp; Andrews, Applied Ergonomics 43 (2012) 98-108, and the ROSA
 * score sheet), transcribed cell by cell as data, with clamped look-ups.
 *
 * <p>Source of the cell values: the paper's figures and the official score sheet could not be read as text from
 * here, so every chart was taken from published transcriptions and accepted only where independent ones agree
 * cell for cell (at least four for Charts A, B and C, three for D and the final chart). The README section
 * "ROSA chart sources" lists them, and the two transcriptions that disagree, with the exact cells. Verify against
 * the official score sheet before relying on a score clinically.
 *
 * <p>Axes follow the score sheet: Chart A rows = seat pan height + depth (2..8), columns = armrests + back support
 * (2..9); Chart B rows = telephone (0..6), columns = monitor (0..7); Chart C rows = mouse (0..7), columns =
 * keyboard (0..7); Chart D rows = Chart B score (1..9), columns = Chart C score (1..9); final chart rows = chair
 * score (1..10), columns = monitor-and-peripherals score (1..10).
 */
public final class RosaCharts {

    public static final int A_ROW_MIN = 2;
    public static final int A_ROW_MAX = 8;
    public static final int A_COL_MIN = 2;
    public static final int A_COL_MAX = 9;

    /** Chart A (chair): [seat pan height + depth - 2][armrests + back support - 2]. */
    static final int[][] CHART_A = {
            {2, 2, 3, 4, 5, 6, 7, 8},
            {2, 2, 3, 4, 5, 6, 7, 8},
            {3, 3, 3, 4, 5, 6, 7, 8},
            {4, 4, 4, 4, 5, 6, 7, 8},
            {5, 5, 5, 5, 6, 7, 8, 9},
            {6, 6, 6, 7, 7, 8, 8, 9},
            {7, 7, 7, 8, 8, 9, 9, 9},
    };

    /** Chart B (monitor and telephone): [telephone][monitor], both already including their duration. */
    static final int[][] CHART_B = {
            {1, 1, 1, 2, 3, 4, 5, 6},
            {1, 1, 2, 2, 3, 4, 5, 6},
            {1, 2, 2, 3, 3, 4, 6, 7},
            {2, 2, 3, 3, 4, 5, 6, 8},
            {3, 3, 4, 4, 5, 6, 7, 8},
            {4, 4, 5, 5, 6, 7, 8, 9},
            {5, 5, 6, 7, 8, 8, 9, 9},
    };

    /** Chart C (mouse and keyboard): [mouse][keyboard], both already including their duration. */
    static final int[][] CHART_C = {
            {1, 1, 1, 2, 3, 4, 5, 6},
            {1, 1, 2, 3, 4, 5, 6, 7},
            {1, 2, 2, 3, 4, 5, 6, 7},
            {2, 3, 3, 3, 5, 6, 7, 8},
            {3, 4, 4, 5, 5, 6, 7, 8},
            {4, 5, 5, 6, 6, 7, 8, 9},
            {5, 6, 6, 7, 7, 8, 8, 9},
            {6, 7, 7, 8, 8, 9, 9, 9},
    };

    /** Chart D (monitor and peripherals): [Chart B score - 1][Chart C score - 1]. */
    static final int[][] CHART_D = {
            {1, 2, 3, 4, 5, 6, 7, 8, 9},
            {2, 2, 3, 4, 5, 6, 7, 8, 9},
            {3, 3, 3, 4, 5, 6, 7, 8, 9},
            {4, 4, 4, 4, 5, 6, 7, 8, 9},
            {5, 5, 5, 5, 5, 6, 7, 8, 9},
            {6, 6, 6, 6, 6, 6, 7, 8, 9},
            {7, 7, 7, 7, 7, 7, 7, 8, 9},
            {8, 8, 8, 8, 8, 8, 8, 8, 9},
            {9, 9, 9, 9, 9, 9, 9, 9, 9},
    };

    /** Final chart: [chair score - 1][monitor and peripherals score - 1]. */
    static final int[][] CHART_FINAL = {
            {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
            {2, 2, 3, 4, 5, 6, 7, 8, 9, 10},
            {3, 3, 3, 4, 5, 6, 7, 8, 9, 10},
            {4, 4, 4, 4, 5, 6, 7, 8, 9, 10},
            {5, 5, 5, 5, 5, 6, 7, 8, 9, 10},
            {6, 6, 6, 6, 6, 6, 7, 8, 9, 10},
            {7, 7, 7, 7, 7, 7, 7, 8, 9, 10},
            {8, 8, 8, 8, 8, 8, 8, 8, 9, 10},
            {9, 9, 9, 9, 9, 9, 9, 9, 9, 10},
            {10, 10, 10, 10, 10, 10, 10, 10, 10, 10},
    };

    private RosaCharts() {
    }

    /*
     * Clamping: the paper prints no cell beyond a chart's edges. A sum can only leave an axis in one place
     * (a monitor at 3 with all four +1s and the +1 duration gives 8 on the 0..7 axis), so every look-up reads
     * the nearest printed row/column, as the published calculators do; it never extrapolates a value.
     */

    public static int chartA(int seatHeightPlusPanDepth, int armrestsPlusBackSupport) {
        return CHART_A[clamp(seatHeightPlusPanDepth, A_ROW_MIN, A_ROW_MAX) - A_ROW_MIN]
                [clamp(armrestsPlusBackSupport, A_COL_MIN, A_COL_MAX) - A_COL_MIN];
    }

    public static int chartB(int telephone, int monitor) {
        return CHART_B[clamp(telephone, 0, 6)][clamp(monitor, 0, 7)];
    }

    public static int chartC(int mouse, int keyboard) {
        return CHART_C[clamp(mouse, 0, 7)][clamp(keyboard, 0, 7)];
    }

    public static int chartD(int monitorAndTelephone, int mouseAndKeyboard) {
        return CHART_D[clamp(monitorAndTelephone, 1, 9) - 1][clamp(mouseAndKeyboard, 1, 9) - 1];
    }

    public static int finalChart(int chair, int monitorAndPeripherals) {
        return CHART_FINAL[clamp(chair, 1, 10) - 1][clamp(monitorAndPeripherals, 1, 10) - 1];
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
