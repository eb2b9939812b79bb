package io.upright.insights.anonymity;

import io.upright.insights.anonymity.AnonymityPolicy.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suppression for a table of teams (rows) by weeks (columns) with its margins: a team's total over the weeks
 * shown, the program's total per week (over all its teams, hidden ones included) and the grand total. Each
 * published figure is a "cell" describing some number of people ({@code size}).
 *
 * <ol>
 *   <li><b>Primary.</b> Any cell, team total, week total or grand total describing fewer than {@code k} people
 *       is suppressed.</li>
 *   <li><b>Complementary, down a week.</b> Teams are disjoint, so a week total minus that week's visible team
 *       cells gives the sum of the hidden ones. If the hidden cells of a week describe at least one but fewer
 *       than {@code k} people, the smallest visible cell of that week is hidden too (if none is left, the week
 *       total is).</li>
 *   <li><b>Complementary, along a team.</b> A team total minus its visible weeks gives its hidden weeks. The same
 *       people appear week after week, so the hidden weeks are only counted as the largest of them (a lower
 *       bound of the people they describe); below {@code k}, the team's smallest visible week is hidden too.</li>
 *   <li><b>Complementary against the grand total</b>, for team totals (summed) and week totals (largest), alike.</li>
 *   <li><b>A hidden total hides its parts.</b> Otherwise summing the visible cells would give it back.</li>
 * </ol>
 * In every line (a week, a team, the teams or the weeks against the grand total) the hidden parts that describe
 * anyone must be at least two, or the line's total minus its visible parts would be exactly the one hidden part.
 * The rules are applied until nothing changes; suppression only ever grows, so this ends.
 */
public final class CellSuppression {

    /** One cell of the grid: a team ({@code row}) in a week ({@code column}). */
    public record Cell(String row, String column) {
    }

    /**
     * What is about to be published. Rows and columns are listed in display order; {@code rowNames} (optional)
     * order ties between equally small rows; every size is the number of distinct people the figure describes.
     */
    public record Grid(List<String> rows, Map<String, String> rowNames, List<String> columns,
                       Map<Cell, Long> cellSizes, Map<String, Long> rowSizes, Map<String, Long> columnSizes,
                       long totalSize) {
        long cell(String row, String column) {
            return cellSizes.getOrDefault(new Cell(row, column), 0L);
        }
    }

    /** A verdict for every published figure. */
    public record Outcome(Map<Cell, Verdict> cells, Map<String, Verdict> rows, Map<String, Verdict> columns,
                          Verdict total) {
        public Verdict cell(String row, String column) {
            return cells.get(new Cell(row, column));
        }
    }

    private final AnonymityPolicy policy;

    public CellSuppression(AnonymityPolicy policy) {
        this.policy = policy;
    }

    public Outcome assess(Grid grid) {
        return assess(grid, null, new Verdict(true, policy.tooFewReason()));
    }

    /**
     * The averages of the table (active minutes per employee-day and % of target): each describes the people
     * with activity in its cell, so {@code grid} holds those sizes. A figure already hidden in {@code figures}
     * hides its average as well, and counts as a hidden part for the complementary rules: averages can be
     * worked out by subtraction too (minutes and employee-days add up over teams).
     */
    public Outcome assessAverages(Grid activePeople, Outcome figures) {
        return assess(activePeople, figures, new Verdict(true, policy.tooFewActiveReason()));
    }

    private Outcome assess(Grid grid, Outcome seed, Verdict tooFew) {
        int k = policy.threshold();
        Verdict complement = new Verdict(true, policy.complementaryReason());
        Map<Cell, Verdict> cells = new LinkedHashMap<>();
        Map<String, Verdict> rows = new LinkedHashMap<>();
        Map<String, Verdict> columns = new LinkedHashMap<>();
        for (String row : grid.rows()) {
            rows.put(row, initial(grid.rowSizes().getOrDefault(row, 0L), seed == null ? null : seed.rows().get(row), k, tooFew));
            for (String column : grid.columns()) {
                Cell cell = new Cell(row, column);
                cells.put(cell, initial(grid.cell(row, column), seed == null ? null : seed.cells().get(cell), k, tooFew));
            }
        }
        for (String column : grid.columns()) {
            columns.put(column, initial(grid.columnSizes().getOrDefault(column, 0L),
                    seed == null ? null : seed.columns().get(column), k, tooFew));
        }
        Verdict total = initial(grid.totalSize(), seed == null ? null : seed.total(), k, tooFew);

        boolean changed = true;
        while (changed) {
            changed = false;
            // a hidden total hides its parts
            for (Map.Entry<Cell, Verdict> cell : cells.entrySet()) {
                if (!cell.getValue().suppressed()
                        && (rows.get(cell.getKey().row()).suppressed() || columns.get(cell.getKey().column()).suppressed())) {
                    cell.setValue(complement);
                    changed = true;
                }
            }
            // down each week: teams are disjoint, so hidden cells add up
            for (String column : grid.columns()) {
                if (columns.get(column).suppressed()) {
                    continue;
                }
                long hidden = 0;
                int hiddenCells = 0;
                List<String> visible = new ArrayList<>();
                for (String row : grid.rows()) {
                    if (cells.get(new Cell(row, column)).suppressed()) {
                        hidden += grid.cell(row, column);
                        hiddenCells += grid.cell(row, column) > 0 ? 1 : 0;
                    } else {
                        visible.add(row);
                    }
                }
                if (exposed(hiddenCells, hidden, k)) {
                    Optional<String> next = smallest(visible, row -> grid.cell(row, column), grid.rowNames());
                    if (next.isPresent()) {
                        cells.put(new Cell(next.get(), column), complement);
                    } else {
                        columns.put(column, complement);
                    }
                    changed = true;
                }
            }
            // along each team: the same people recur week after week, so count the largest hidden week only
            for (String row : grid.rows()) {
                if (rows.get(row).suppressed()) {
                    continue;
                }
                long hidden = 0;
                int hiddenCells = 0;
                List<String> visible = new ArrayList<>();
                for (String column : grid.columns()) {
                    if (cells.get(new Cell(row, column)).suppressed()) {
                        hidden = Math.max(hidden, grid.cell(row, column));
                        hiddenCells += grid.cell(row, column) > 0 ? 1 : 0;
                    } else {
                        visible.add(column);
                    }
                }
                if (exposed(hiddenCells, hidden, k)) {
                    Optional<String> next = smallest(visible, column -> grid.cell(row, column), Map.of());
                    if (next.isPresent()) {
                        cells.put(new Cell(row, next.get()), complement);
                    } else {
                        rows.put(row, complement);
                    }
                    changed = true;
                }
            }
            if (!total.suppressed()) {
                // team totals against the grand total (teams are disjoint: they add up)
                long hiddenTeams = 0;
                int hiddenRows = 0;
                List<String> visibleRows = new ArrayList<>();
                for (String row : grid.rows()) {
                    if (rows.get(row).suppressed()) {
                        long size = grid.rowSizes().getOrDefault(row, 0L);
                        hiddenTeams += size;
                        hiddenRows += size > 0 ? 1 : 0;
                    } else {
                        visibleRows.add(row);
                    }
                }
                if (exposed(hiddenRows, hiddenTeams, k)) {
                    Optional<String> next = smallest(visibleRows, row -> grid.rowSizes().getOrDefault(row, 0L), grid.rowNames());
                    if (next.isPresent()) {
                        rows.put(next.get(), complement);
                    } else {
                        total = complement;
                    }
                    changed = true;
                }
                // week totals against the grand total (the same people recur: largest only)
                long hiddenWeeks = 0;
                int hiddenColumns = 0;
                List<String> visibleColumns = new ArrayList<>();
                for (String column : grid.columns()) {
                    if (columns.get(column).suppressed()) {
                        long size = grid.columnSizes().getOrDefault(column, 0L);
                        hiddenWeeks = Math.max(hiddenWeeks, size);
                        hiddenColumns += size > 0 ? 1 : 0;
                    } else {
                        visibleColumns.add(column);
                    }
                }
                if (!total.suppressed() && exposed(hiddenColumns, hiddenWeeks, k)) {
                    Optional<String> next = smallest(visibleColumns, c -> grid.columnSizes().getOrDefault(c, 0L), Map.of());
                    if (next.isPresent()) {
                        columns.put(next.get(), complement);
                    } else {
                        total = complement;
                    }
                    changed = true;
                }
            }
        }
        return new Outcome(cells, rows, columns, total);
    }

    private static Verdict initial(long size, Verdict seeded, int k, Verdict tooFew) {
        if (seeded != null && seeded.suppressed()) {
            return seeded;
        }
        return size < k ? tooFew : Verdict.VISIBLE;
    }

    /**
     * Whether the hidden parts of one line can be worked out from its total and its visible parts: they can when
     * they describe people at all and either a single part is hidden (the difference IS that part) or together
     * they describe fewer than k people.
     */
    static boolean exposed(int hiddenParts, long hiddenPeople, int k) {
        return hiddenParts > 0 && (hiddenParts < 2 || hiddenPeople < k);
    }

    private static Optional<String> smallest(List<String> keys, java.util.function.ToLongFunction<String> size,
                                             Map<String, String> names) {
        Map<String, String> byName = new HashMap<>(names);
        return keys.stream().min(Comparator.comparingLong(size)
                .thenComparing(key -> byName.getOrDefault(key, key))
                .thenComparing(Comparator.naturalOrder()));
    }
}
