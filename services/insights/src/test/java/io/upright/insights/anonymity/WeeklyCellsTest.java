package io.upright.insights.anonymity;

import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.anonymity.WeeklyCells.Part;
import io.upright.insights.anonymity.WeeklyCells.TeamWeek;
import io.upright.insights.anonymity.WeeklyCells.Whole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyCellsTest {

    private final WeeklyCells rules = new WeeklyCells(new AnonymityPolicy(5));

    @Test
    void a_cell_needs_k_people_active_however_many_are_enrolled() {
        // 3 real contributors among 13 enrolled: the enrolment is not counted at all
        Map<String, Verdict> verdicts = rules.publish(List.of(new TeamWeek("a", "A", 3, 3), new TeamWeek("b", "B", 5, 5)), List.of());
        assertThat(verdicts.get("a")).isEqualTo(new Verdict(true, "fewer than 5 people active"));
        assertThat(verdicts.get("b").suppressed()).isFalse();
    }

    @Test
    void one_hidden_team_in_a_programs_week_hides_the_smallest_visible_one_too() {
        List<TeamWeek> cells = List.of(new TeamWeek("a", "Accounts", 6, 6), new TeamWeek("b", "Billing", 5, 5),
                new TeamWeek("c", "Courier", 1, 2));
        Whole program = new Whole("p", List.of("a", "b", "c"));
        Map<String, Verdict> verdicts = rules.publish(cells, List.of(program));
        assertThat(verdicts.get("c").suppressed()).isTrue();
        assertThat(verdicts.get("b").reason()).contains("subtraction");
        assertThat(verdicts.get("a").suppressed()).isFalse();
        assertThat(rules.whole(program, Map.of("a", cells.get(0), "b", cells.get(1), "c", cells.get(2)), verdicts).suppressed()).isFalse();
    }

    @Test
    void a_week_where_nothing_happened_hides_nobody_and_costs_no_other_team() {
        Map<String, Verdict> verdicts = rules.publish(List.of(new TeamWeek("a", "A", 6, 6), new TeamWeek("b", "B", 0, 0)),
                List.of(new Whole("p", List.of("a", "b"))));
        assertThat(verdicts.get("a").suppressed()).isFalse();
    }

    @Test
    void a_program_launched_after_publication_is_hidden_rather_than_expose_a_published_hidden_cell() {
        Map<String, TeamWeek> cells = Map.of("a", new TeamWeek("a", "A", 6, 6), "c", new TeamWeek("c", "C", 2, 2));
        Map<String, Verdict> published = rules.publish(List.copyOf(cells.values()), List.of());
        Verdict later = rules.whole(new Whole("late", List.of("a", "c")), cells, published);
        assertThat(later).isEqualTo(new Verdict(true, new AnonymityPolicy(5).complementaryReason()));
    }

    @Test
    void a_total_over_weeks_is_shown_only_when_no_week_in_it_is_hidden() {
        Verdict hidden = new Verdict(true, "fewer than 5 people active");
        assertThat(rules.overWeeks(List.of(new Part(Verdict.VISIBLE, false), new Part(Verdict.VISIBLE, false))).suppressed()).isFalse();
        assertThat(rules.overWeeks(List.of(new Part(Verdict.VISIBLE, false), new Part(hidden, false))))
                .isEqualTo(new Verdict(true, "hidden because a week in it is hidden"));
        // a week in which nothing happened adds zeros only
        assertThat(rules.overWeeks(List.of(new Part(Verdict.VISIBLE, false), new Part(hidden, true))).suppressed()).isFalse();
        assertThat(rules.overWeeks(List.of(new Part(hidden, true))).suppressed()).isTrue();
    }
}
