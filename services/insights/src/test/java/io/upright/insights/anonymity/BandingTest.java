package io.upright.insights.anonymity;

import io.upright.insights.anonymity.Banding.Row;
import io.upright.insights.anonymity.Banding.Shown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BandingTest {

    private final Banding banding = new Banding(new AnonymityPolicy(5));
    private static final List<String> LEVELS = List.of("LOW", "MODERATE", "HIGH");

    @Test
    void five_of_five_with_a_finding_is_banded_never_a_number() {
        Row team = new Row("t", "T", 5, false, Map.of("MONITOR_TOO_LOW", 5L), null);
        Map<String, Shown> shown = banding.band(List.of(team), List.of(), Map.of(), List.of("MONITOR_TOO_LOW"), false).get("t");
        assertThat(shown.get("MONITOR_TOO_LOW")).isEqualTo(new Shown(null, "all but fewer than 5"));
    }

    @Test
    void a_count_is_a_number_only_when_it_and_the_rest_are_both_at_least_k() {
        Row team = new Row("t", "T", 12, false, Map.of("A", 6L, "B", 2L, "C", 9L), null);
        Map<String, Shown> shown = banding.band(List.of(team), List.of(), Map.of(), List.of("A", "B", "C"), false).get("t");
        assertThat(shown.get("A").count()).isEqualTo(6);
        assertThat(shown.get("B").label()).isEqualTo("fewer than 5");
        assertThat(shown.get("C").label()).isEqualTo("all but fewer than 5");
    }

    @Test
    void a_single_banded_category_of_a_distribution_bands_the_smallest_other_so_n_minus_the_rest_gives_nothing() {
        // 12 assessed: LOW 7, MODERATE 5, HIGH 0. HIGH alone banded would be 12 - 7 - 5.
        Row team = new Row("t", "T", 12, false, Map.of("LOW", 7L, "MODERATE", 5L), null);
        Map<String, Shown> shown = banding.band(List.of(team), List.of(), Map.of(), LEVELS, true).get("t");
        assertThat(shown.get("HIGH").banded()).isTrue();
        assertThat(shown.get("MODERATE").label()).isEqualTo(Banding.COMPLEMENT);
        assertThat(shown.get("LOW").count()).isEqualTo(7);
    }

    @Test
    void a_programs_count_minus_its_shown_teams_never_gives_one_teams_banded_count() {
        Row a = new Row("a", "A", 12, false, Map.of("LOW", 6L, "HIGH", 6L), null);
        Row b = new Row("b", "B", 12, false, Map.of("LOW", 10L, "HIGH", 2L), null);
        Row program = new Row("p", null, 24, false, Map.of("LOW", 16L, "HIGH", 8L), null);
        Map<String, Map<String, Shown>> shown = banding.band(List.of(a, b), List.of(program),
                Map.of("p", List.of("a", "b")), List.of("LOW", "HIGH"), true);
        // B's HIGH (2) is banded; the program's HIGH minus A's would give it, so A's HIGH is banded too
        assertThat(shown.get("b").get("HIGH").banded()).isTrue();
        assertThat(shown.get("a").get("HIGH").banded()).isTrue();
        assertThat(shown.get("p").get("HIGH").count()).isEqualTo(8);
        // and within each team a lone banded category is not left next to n and the others
        assertThat(shown.get("a").values().stream().filter(Shown::banded).count()).isNotEqualTo(1);
        assertThat(shown.get("b").values().stream().filter(Shown::banded).count()).isNotEqualTo(1);
    }

    @Test
    void a_finding_a_team_does_not_list_counts_as_unknown_down_the_program() {
        Row a = new Row("a", "A", 10, false, Map.of("X", 5L), Set.of("X"));
        Row b = new Row("b", "B", 10, false, Map.of("X", 5L, "Y", 6L), Set.of("Y"));
        Row program = new Row("p", null, 20, false, Map.of("X", 10L, "Y", 6L), Set.of("X", "Y"));
        Map<String, Map<String, Shown>> shown = banding.band(List.of(a, b), List.of(program),
                Map.of("p", List.of("a", "b")), List.of("X", "Y"), false);
        // X: B does not list it, so the program's 10 minus A's 5 would be B's: A's X is banded
        assertThat(shown.get("a").get("X").banded()).isTrue();
    }

    @Test
    void banded_categories_that_together_hold_fewer_than_k_band_the_smallest_shown_one_too() {
        // 19 assessed: LOW 2, MODERATE 5, HIGH 12, and a fourth level nobody has. LOW and the empty level are both
        // banded, so "a single banded category" never fires, yet 19 - 5 - 12 = 2 gives LOW away.
        Row program = new Row("p", null, 19, false, Map.of("LOW", 2L, "MODERATE", 5L, "HIGH", 12L), null);
        Map<String, Shown> shown = banding.band(List.of(), List.of(program), Map.of(),
                List.of("LOW", "MODERATE", "HIGH", "UNKNOWN"), true).get("p");
        assertThat(shown.get("LOW").banded()).isTrue();
        assertThat(shown.get("UNKNOWN").banded()).isTrue();
        assertThat(shown.get("MODERATE").label()).isEqualTo(Banding.COMPLEMENT);
        assertThat(shown.get("HIGH").count()).isEqualTo(12);
        long inShown = shown.values().stream().filter(c -> !c.banded()).mapToLong(Shown::count).sum();
        assertThat(19 - inShown).isGreaterThanOrEqualTo(5);
    }

    @Test
    void banded_categories_holding_nobody_are_not_given_away_as_zero_either() {
        // LOW 0 and UNKNOWN 0 banded, MODERATE 7 and HIGH 12 shown: 19 - 7 - 12 = 0 would say nobody is low
        Row team = new Row("t", "T", 19, false, Map.of("MODERATE", 7L, "HIGH", 12L), null);
        Map<String, Shown> shown = banding.band(List.of(team), List.of(), Map.of(),
                List.of("LOW", "MODERATE", "HIGH", "UNKNOWN"), true).get("t");
        assertThat(shown.get("MODERATE").label()).isEqualTo(Banding.COMPLEMENT);
        assertThat(shown.get("HIGH").count()).isEqualTo(12);
    }

    @Test
    void several_parts_not_shown_are_protected_when_together_they_hold_a_small_group() {
        // teams C (3) and D (2) are hidden; the program's HIGH 14 minus A's 6 and B's 6 leaves C and D with 2 of 5
        Row a = new Row("a", "A", 12, false, Map.of("LOW", 6L, "HIGH", 6L), null);
        Row b = new Row("b", "B", 11, false, Map.of("LOW", 5L, "HIGH", 6L), null);
        Row c = new Row("c", "C", 3, true, Map.of("LOW", 2L, "HIGH", 1L), null);
        Row d = new Row("d", "D", 2, true, Map.of("LOW", 1L, "HIGH", 1L), null);
        Row program = new Row("p", null, 28, false, Map.of("LOW", 14L, "HIGH", 14L), null);
        Map<String, Map<String, Shown>> shown = banding.band(List.of(a, b, c, d), List.of(program),
                Map.of("p", List.of("a", "b", "c", "d")), List.of("LOW", "HIGH"), true);
        for (String level : List.of("LOW", "HIGH")) {
            long visible = 0;
            long unknownPeople = 0;
            for (Row part : List.of(a, b, c, d)) {
                Shown cell = shown.containsKey(part.key()) ? shown.get(part.key()).get(level) : null;
                if (cell == null || cell.banded()) {
                    unknownPeople += part.n();
                } else {
                    visible += cell.count();
                }
            }
            Shown total = shown.get("p").get(level);
            if (!total.banded()) {
                long inUnknown = total.count() - visible;
                assertThat(inUnknown).as(level).isGreaterThanOrEqualTo(5);
                assertThat(unknownPeople - inUnknown).as(level).isGreaterThanOrEqualTo(5);
            }
        }
    }
}
