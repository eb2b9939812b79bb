package io.upright.insights.anonymity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dominance for category counts (risk levels, ROSA bands, findings). A count {@code c} out of the {@code n}
 * people a row describes is shown only when {@code c >= k} and {@code n - c >= k}: "5 of 5 have it" says as much
 * about each of them as "1 of 5". Otherwise it is banded: {@link AnonymityPolicy#fewerThanLabel()} or
 * {@link AnonymityPolicy#allButLabel()}, a label and no number. Then, until nothing changes:
 *
 * <ol>
 *   <li><b>Within a row</b> whose categories partition its people (risk levels and bands add up to the people
 *       assessed), {@code n} minus the shown categories is how many people the banded ones hold together. Unless
 *       that is at least {@code k}, it would give a small group away (19 assessed, 5 moderate and 12 high shown
 *       leave exactly 2 low), so the smallest shown category is banded too.</li>
 *   <li><b>Down a category</b>, a whole (a program) minus its shown parts (its teams) is what the parts not shown
 *       (row hidden, category banded or not listed) hold together. When that is one part, or several that hold
 *       fewer than {@code k} with it or fewer than {@code k} without it, the smallest shown part is banded too,
 *       or, when none is left, the whole's count.</li>
 * </ol>
 */
public final class Banding {

    /**
     * One row (a team) or whole (a program): the people it describes ({@code n}), whether the row is hidden as a
     * whole, its counts per category and which categories it lists at all ({@code null}: every category).
     */
    public record Row(String key, String name, long n, boolean hidden, Map<String, Long> counts, Set<String> listed) {
        long count(String category) {
            return counts.getOrDefault(category, 0L);
        }

        boolean lists(String category) {
            return listed == null || listed.contains(category);
        }
    }

    /** A shown value: a number, or a band label instead of one. */
    public record Shown(Long count, String label) {
        public boolean banded() {
            return label != null;
        }

        /** The JSON value: the number, or the label. */
        public Object value() {
            return label != null ? label : count;
        }
    }

    private final AnonymityPolicy policy;

    public Banding(AnonymityPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param partition whether the categories add up to {@code n} (a distribution) rather than each being a yes/no
     *                  of its own (findings: one person may have several)
     * @param wholes    each whole's key with the keys of the rows that add up to it
     * @return per row and whole key (hidden rows left out), per listed category, what may be shown
     */
    public Map<String, Map<String, Shown>> band(List<Row> rows, List<Row> wholes, Map<String, List<String>> parts,
                                                List<String> categories, boolean partition) {
        int k = policy.threshold();
        Map<String, Row> byKey = new LinkedHashMap<>();
        Map<String, Map<String, Shown>> shown = new LinkedHashMap<>();
        List<Row> all = new ArrayList<>(rows);
        all.addAll(wholes);
        for (Row row : all) {
            byKey.put(row.key(), row);
            if (row.hidden()) {
                continue;
            }
            Map<String, Shown> cells = new LinkedHashMap<>();
            for (String category : categories) {
                if (!row.lists(category)) {
                    continue;
                }
                long c = row.count(category);
                cells.put(category, c < k ? new Shown(null, policy.fewerThanLabel())
                        : row.n() - c < k ? new Shown(null, policy.allButLabel()) : new Shown(c, null));
            }
            shown.put(row.key(), cells);
        }
        Shown complement = new Shown(null, COMPLEMENT);
        boolean changed = true;
        while (changed) {
            changed = false;
            if (partition) {
                for (Map.Entry<String, Map<String, Shown>> row : shown.entrySet()) {
                    Row described = byKey.get(row.getKey());
                    boolean anyBanded = row.getValue().values().stream().anyMatch(Shown::banded);
                    long inShown = row.getValue().values().stream().filter(c -> !c.banded()).mapToLong(Shown::count).sum();
                    if (anyBanded && described.n() - inShown < k) {
                        String smallest = smallestShown(row.getValue());
                        if (smallest != null) {
                            row.getValue().put(smallest, complement);
                            changed = true;
                        }
                    }
                }
            }
            for (Row whole : wholes) {
                Map<String, Shown> wholeCells = shown.get(whole.key());
                if (wholeCells == null) {
                    continue;
                }
                for (String category : categories) {
                    Shown total = wholeCells.get(category);
                    if (total == null || total.banded()) {
                        continue;
                    }
                    int unknown = 0;
                    long unknownPeople = 0;
                    long inVisible = 0;
                    List<Row> visibleParts = new ArrayList<>();
                    for (String key : parts.getOrDefault(whole.key(), List.of())) {
                        Row part = byKey.get(key);
                        if (part == null || part.n() == 0) {
                            continue;
                        }
                        Shown cell = shown.containsKey(key) ? shown.get(key).get(category) : null;
                        if (cell == null || cell.banded()) {
                            unknown++;
                            unknownPeople += part.n();
                        } else {
                            visibleParts.add(part);
                            inVisible += cell.count();
                        }
                    }
                    long inUnknown = total.count() - inVisible;
                    // one part not shown would be recovered exactly; several together only when they hold a small group
                    if (unknown == 1 || unknown > 1 && (inUnknown < k || unknownPeople - inUnknown < k)) {
                        if (visibleParts.isEmpty()) {
                            wholeCells.put(category, complement);
                        } else {
                            Row next = visibleParts.stream().min(Comparator.comparingLong((Row r) -> r.count(category))
                                    .thenComparing(Row::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                                    .thenComparing(Row::key)).orElseThrow();
                            shown.get(next.key()).put(category, complement);
                        }
                        changed = true;
                    }
                }
            }
        }
        return shown;
    }

    /** How a category banded only so that another cannot be worked out reads. */
    public static final String COMPLEMENT = "hidden so a smaller group cannot be worked out";

    private static String smallestShown(Map<String, Shown> cells) {
        return cells.entrySet().stream().filter(e -> !e.getValue().banded())
                .min(Comparator.comparingLong((Map.Entry<String, Shown> e) -> e.getValue().count()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }
}
