package io.upright.insights.anonymity;

import io.upright.insights.anonymity.CellSuppression.Cell;
import io.upright.insights.anonymity.CellSuppression.Grid;
import io.upright.insights.anonymity.CellSuppression.Outcome;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CellSuppressionTest {

    private final CellSuppression rules = new CellSuppression(new AnonymityPolicy(5));

    @Test
    void a_cell_row_week_or_total_describing_fewer_than_k_people_is_suppressed() {
        Outcome outcome = rules.assess(grid(Map.of("A", new long[]{6, 6}, "B", new long[]{8, 4}, "C", new long[]{9, 9}),
                Map.of("A", 6L, "B", 8L, "C", 9L), new long[]{23, 19}, 23));

        assertThat(outcome.cell("B", "w2").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w2").reason()).isEqualTo("fewer than 5 people");
        // B's week 2 (4 people) alone would be the week total minus A and C: A's week 2 goes too...
        assertThat(outcome.cell("A", "w2").reason()).contains("subtraction");
        // ...and each team keeps at least two hidden weeks or none, so B's and A's totals give nothing away
        assertThat(outcome.cell("B", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("A", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("C", "w1").suppressed()).isFalse();
        assertThat(outcome.cell("C", "w2").suppressed()).isFalse();
        assertThat(outcome.rows().values()).noneMatch(AnonymityPolicy.Verdict::suppressed);
        assertThat(outcome.total().suppressed()).isFalse();

        Outcome tiny = rules.assess(grid(Map.of("A", new long[]{3}), Map.of("A", 3L), new long[]{3}, 3));
        assertThat(tiny.total().reason()).isEqualTo("fewer than 5 people");
        assertThat(tiny.columns().get("w1").suppressed()).isTrue();
        assertThat(tiny.rows().get("A").suppressed()).isTrue();
    }

    @Test
    void differencing_the_week_total_against_the_visible_teams_never_yields_fewer_than_k_people() {
        // week total 20 = A 2 + B 6 + C 12: with only A hidden, total - B - C would give A's figures
        Outcome outcome = rules.assess(grid(Map.of("A", new long[]{2}, "B", new long[]{6}, "C", new long[]{12}),
                Map.of("A", 2L, "B", 6L, "C", 12L), new long[]{20}, 20));

        assertThat(outcome.cell("A", "w1").reason()).isEqualTo("fewer than 5 people");
        assertThat(outcome.cell("B", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w1").reason()).contains("subtraction");
        assertThat(outcome.cell("C", "w1").suppressed()).isFalse();
        assertThat(outcome.columns().get("w1").suppressed()).isFalse();
        // the same for the team totals against the grand total
        assertThat(outcome.rows().get("A").suppressed()).isTrue();
        assertThat(outcome.rows().get("B").suppressed()).isTrue();
        assertThat(outcome.rows().get("C").suppressed()).isFalse();
        long recoverable = hiddenInColumn(outcome, Map.of("A", 2L, "B", 6L, "C", 12L), "w1");
        assertThat(recoverable).isGreaterThanOrEqualTo(5);
    }

    @Test
    void differencing_a_teams_total_against_its_visible_weeks_never_yields_a_small_week() {
        // A had 4 people in week 1 and 6 later: A's total minus weeks 2 and 3 would give week 1 alone
        Outcome outcome = rules.assess(grid(Map.of("A", new long[]{4, 6, 7}, "B", new long[]{9, 9, 9}, "C", new long[]{8, 8, 8}),
                Map.of("A", 7L, "B", 9L, "C", 8L), new long[]{21, 23, 24}, 24));

        assertThat(outcome.cell("A", "w1").reason()).isEqualTo("fewer than 5 people");
        // the smallest other week of A goes too, so the hidden weeks describe at least 6 people
        assertThat(outcome.cell("A", "w2").suppressed()).isTrue();
        assertThat(outcome.cell("A", "w3").suppressed()).isFalse();
        assertThat(outcome.rows().get("A").suppressed()).isFalse();
        // and each of those weeks still protects A's cell against its week total (C, smaller than B, is hidden)
        assertThat(outcome.cell("C", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w1").suppressed()).isFalse();
        assertThat(outcome.cell("B", "w2").suppressed()).isFalse();
    }

    @Test
    void a_team_whose_total_is_hidden_shows_no_week_either_so_its_weeks_cannot_be_added_back_up() {
        // B is hidden only to protect A against the grand total; its weeks alone would sum to B's total
        Outcome outcome = rules.assess(grid(Map.of("A", new long[]{2, 2}, "B", new long[]{6, 6}, "C", new long[]{7, 7}, "D", new long[]{7, 7}),
                Map.of("A", 2L, "B", 6L, "C", 7L, "D", 7L), new long[]{22, 22}, 22));

        assertThat(outcome.rows().get("B").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w2").suppressed()).isTrue();
        assertThat(outcome.rows().get("C").suppressed()).isFalse();
    }

    @Test
    void hidden_weeks_of_the_program_are_protected_against_the_grand_total() {
        // the program had 3 people in week 1, then 9: the grand total minus week 2 would give week 1
        Outcome outcome = rules.assess(grid(Map.of("A", new long[]{3, 9}), Map.of("A", 9L), new long[]{3, 9}, 9));

        assertThat(outcome.columns().get("w1").suppressed()).isTrue();
        assertThat(outcome.columns().get("w2").suppressed()).isTrue();
        assertThat(outcome.cell("A", "w2").suppressed()).isTrue();
    }

    @Test
    void an_empty_team_hides_nobody_and_costs_no_other_team_its_figures() {
        Outcome outcome = rules.assess(grid(Map.of("empty", new long[]{0}, "B", new long[]{6}, "C", new long[]{8}),
                Map.of("empty", 0L, "B", 6L, "C", 8L), new long[]{14}, 14));

        assertThat(outcome.cell("empty", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("B", "w1").suppressed()).isFalse();
        assertThat(outcome.rows().get("B").suppressed()).isFalse();
    }

    @Test
    void a_raised_k_is_applied_and_named() {
        CellSuppression strict = new CellSuppression(new AnonymityPolicy(10));
        Outcome outcome = strict.assess(grid(Map.of("A", new long[]{9}, "B", new long[]{12}, "C", new long[]{20}),
                Map.of("A", 9L, "B", 12L, "C", 20L), new long[]{41}, 41));

        assertThat(outcome.cell("A", "w1").reason()).isEqualTo("fewer than 10 people");
        assertThat(outcome.cell("B", "w1").suppressed()).isTrue();
        assertThat(outcome.cell("C", "w1").suppressed()).isFalse();
    }

    @Test
    void an_average_over_fewer_than_k_active_people_is_hidden_even_in_a_visible_team() {
        // enrolled: A 6, B 7, C 9 (all visible); active this week: A 2, B 6, C 8
        Outcome figures = rules.assess(grid(Map.of("A", new long[]{6}, "B", new long[]{7}, "C", new long[]{9}),
                Map.of("A", 6L, "B", 7L, "C", 9L), new long[]{22}, 22));
        assertThat(figures.cells().values()).noneMatch(AnonymityPolicy.Verdict::suppressed);

        Outcome averages = rules.assessAverages(grid(Map.of("A", new long[]{2}, "B", new long[]{6}, "C", new long[]{8}),
                Map.of("A", 2L, "B", 6L, "C", 8L), new long[]{16}, 16), figures);

        assertThat(averages.cell("A", "w1").reason()).isEqualTo("fewer than 5 people active");
        // minutes and employee-days add up over teams: the program's average minus B's and C's would give A's
        assertThat(averages.cell("B", "w1").reason()).contains("subtraction");
        assertThat(averages.cell("C", "w1").suppressed()).isFalse();
        assertThat(averages.columns().get("w1").suppressed()).isFalse();
    }

    @Test
    void a_figure_hidden_already_hides_its_average_and_counts_as_hidden_for_the_complementary_rule() {
        // enrolled: A 2 (hidden), B 6, C 12; active: A 2, B 5, C 9
        Outcome figures = rules.assess(grid(Map.of("A", new long[]{2}, "B", new long[]{6}, "C", new long[]{12}),
                Map.of("A", 2L, "B", 6L, "C", 12L), new long[]{20}, 20));
        assertThat(figures.cell("B", "w1").suppressed()).isTrue();

        Outcome averages = rules.assessAverages(grid(Map.of("A", new long[]{2}, "B", new long[]{5}, "C", new long[]{9}),
                Map.of("A", 2L, "B", 5L, "C", 9L), new long[]{16}, 16), figures);

        assertThat(averages.cell("A", "w1").reason()).isEqualTo("fewer than 5 people");
        assertThat(averages.cell("B", "w1").reason()).contains("subtraction");
        // A and B together hide 7 active people in two cells: C's average may stay
        assertThat(averages.cell("C", "w1").suppressed()).isFalse();
    }

    private static long hiddenInColumn(Outcome outcome, Map<String, Long> sizes, String column) {
        return sizes.entrySet().stream().filter(e -> outcome.cell(e.getKey(), column).suppressed())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Rows in name order; cells[i] is the size in week w(i+1). */
    private static Grid grid(Map<String, long[]> cells, Map<String, Long> rowSizes, long[] columnSizes, long total) {
        List<String> rows = cells.keySet().stream().sorted().toList();
        int weeks = columnSizes.length;
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 1; i <= weeks; i++) {
            columns.add("w" + i);
        }
        Map<Cell, Long> sizes = new HashMap<>();
        cells.forEach((row, values) -> {
            for (int i = 0; i < values.length; i++) {
                sizes.put(new Cell(row, "w" + (i + 1)), values[i]);
            }
        });
        Map<String, Long> columnMap = new LinkedHashMap<>();
        for (int i = 0; i < weeks; i++) {
            columnMap.put("w" + (i + 1), columnSizes[i]);
        }
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put(r, r));
        return new Grid(rows, names, columns, sizes, rowSizes, columnMap, total);
    }
}
