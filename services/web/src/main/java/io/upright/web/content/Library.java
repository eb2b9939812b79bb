package io.upright.web.content;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content library as the editors' overview shows it: exercises and routines with their status, optionally only
 * those of one status, and how many of each status there are (the filter's links say so). Versions in review are work
 * waiting for a reviewer, so they are counted and marked.
 */
public record Library(List<ContentApi.Summary> exercises, List<ContentApi.Summary> routines, String filter,
                      Map<String, Integer> counts, int total) {

    /** The statuses an item can have, in the order the workflow goes. */
    public static final List<String> STATUSES = List.of("draft", "in-review", "published", "retired");

    /** {@code filter}: one of {@link #STATUSES}, else every item is listed. */
    public static Library of(List<ContentApi.Summary> exercises, List<ContentApi.Summary> routines, String filter) {
        String shown = filter != null && STATUSES.contains(filter) ? filter : null;
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0));
        exercises.forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        routines.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return new Library(only(exercises, shown), only(routines, shown), shown, counts,
                exercises.size() + routines.size());
    }

    private static List<ContentApi.Summary> only(List<ContentApi.Summary> items, String status) {
        return items.stream().filter(i -> status == null || status.equals(i.status())).toList();
    }

    /** Items readers get now (a published version, not retired), by title: what a routine may be made of or lead to. */
    public static List<ContentApi.Summary> published(List<ContentApi.Summary> items) {
        return items.stream().filter(i -> i.publishedVersion() != null && !"retired".equals(i.status()))
                .sorted(Comparator.comparing((ContentApi.Summary i) -> i.title() == null ? i.id() : i.title(),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(ContentApi.Summary::id))
                .toList();
    }

    public int inReview() {
        return counts.getOrDefault("in-review", 0);
    }

    public int count(String status) {
        return counts.getOrDefault(status, 0);
    }
}
