package io.upright.insights.anonymity;

import io.upright.insights.anonymity.AnonymityPolicy.BreakdownVerdicts;
import io.upright.insights.anonymity.AnonymityPolicy.Group;
import io.upright.insights.anonymity.AnonymityPolicy.Whole;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymityPolicyTest {

    private final AnonymityPolicy policy = new AnonymityPolicy(5);

    @Test
    void the_threshold_defaults_to_five_and_can_be_raised() {
        assertThat(policy.threshold()).isEqualTo(5);
        assertThat(policy.clamped()).isFalse();
        assertThat(new AnonymityPolicy(8).threshold()).isEqualTo(8);
    }

    @Test
    void a_threshold_below_five_is_raised_to_five() {
        for (int requested : new int[]{-3, 0, 1, 4}) {
            AnonymityPolicy lowered = new AnonymityPolicy(requested);
            assertThat(lowered.threshold()).isEqualTo(5);
            assertThat(lowered.clamped()).isTrue();
        }
        // with k forced back to 5, a team of 3 stays hidden however low the configuration asked
        assertThat(new AnonymityPolicy(2).assess(List.of(group("a", 3), group("b", 9), group("c", 9))).get("a").suppressed())
                .isTrue();
    }

    @Test
    void teams_of_at_least_k_people_are_all_visible() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("a", 5), group("b", 6), group("c", 40)));

        assertThat(verdicts.values()).allSatisfy(v -> {
            assertThat(v.suppressed()).isFalse();
            assertThat(v.reason()).isNull();
        });
    }

    @Test
    void a_team_of_fewer_than_k_people_is_suppressed_with_the_reason() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("small", 4), group("x", 6), group("y", 7)));

        assertThat(verdicts.get("small")).isEqualTo(new Verdict(true, "fewer than 5 people"));
    }

    @Test
    void a_raised_threshold_names_itself_in_the_reason() {
        Map<String, Verdict> verdicts = new AnonymityPolicy(10).assess(List.of(group("a", 9), group("b", 10), group("c", 10)));

        assertThat(verdicts.get("a")).isEqualTo(new Verdict(true, "fewer than 10 people"));
    }

    @Test
    void differencing_a_single_suppressed_team_is_prevented_by_hiding_the_next_smallest_team() {
        // Tenant total 20 = A 2 + B 6 + C 12. Showing B and C would let anyone who knows the total work out A.
        Map<String, Verdict> verdicts = policy.assess(List.of(group("A", 2), group("B", 6), group("C", 12)));

        assertThat(verdicts.get("A")).isEqualTo(new Verdict(true, "fewer than 5 people"));
        assertThat(verdicts.get("B").suppressed()).isTrue();
        assertThat(verdicts.get("B").reason()).contains("subtraction");
        assertThat(verdicts.get("C").suppressed()).isFalse();
        // total minus the visible teams now only ever reveals a group of A + B = 8 people
        assertThat(hiddenPeople(List.of(group("A", 2), group("B", 6), group("C", 12)), verdicts)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void suppressed_teams_that_together_reach_k_need_no_complement() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("A", 5), group("B", 2), group("C", 3)));

        assertThat(verdicts.get("A").suppressed()).isFalse();
        assertThat(verdicts.get("B").suppressed()).isTrue();
        assertThat(verdicts.get("C").suppressed()).isTrue();
    }

    @Test
    void complementary_suppression_continues_until_the_hidden_group_reaches_k() {
        // k = 10: A (1) alone is recoverable; B (10) brings the hidden group to 11, so C and D stay visible
        AnonymityPolicy strict = new AnonymityPolicy(10);
        List<Group> teams = List.of(group("A", 1), group("B", 10), group("C", 10), group("D", 30));

        Map<String, Verdict> verdicts = strict.assess(teams);

        assertThat(verdicts.get("A").suppressed()).isTrue();
        assertThat(verdicts.get("B").suppressed()).isTrue();
        assertThat(verdicts.get("C").suppressed()).isFalse();
        assertThat(verdicts.get("D").suppressed()).isFalse();
        assertThat(hiddenPeople(teams, verdicts)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void the_smallest_visible_team_is_the_one_hidden_and_ties_go_by_name() {
        Map<String, Verdict> verdicts = policy.assess(List.of(
                group("k-zeta", "Zeta", 7), group("k-alpha", "Alpha", 7), group("k-big", "Big", 50), group("k-tiny", "Tiny", 1)));

        assertThat(verdicts.get("k-alpha").suppressed()).isTrue();
        assertThat(verdicts.get("k-zeta").suppressed()).isFalse();
        assertThat(verdicts.get("k-big").suppressed()).isFalse();
    }

    @Test
    void when_every_team_is_too_small_everything_is_suppressed_and_nothing_breaks() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("a", 1), group("b", 2)));

        assertThat(verdicts.values()).allMatch(Verdict::suppressed);
    }

    @Test
    void a_single_visible_team_is_hidden_when_it_is_the_only_complement() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("a", 2), group("b", 9)));

        assertThat(verdicts.values()).allMatch(Verdict::suppressed);
    }

    @Test
    void an_empty_team_is_suppressed_but_hides_nobody_so_it_costs_no_other_team_its_figures() {
        Map<String, Verdict> verdicts = policy.assess(List.of(group("empty", 0), group("b", 6), group("c", 8)));

        assertThat(verdicts.get("empty")).isEqualTo(new Verdict(true, "fewer than 5 people"));
        assertThat(verdicts.get("b").suppressed()).isFalse();
        assertThat(verdicts.get("c").suppressed()).isFalse();
    }

    @Test
    void no_teams_means_no_verdicts() {
        assertThat(policy.assess(List.of())).isEmpty();
    }

    @Test
    void a_tenant_may_raise_k_but_a_lower_value_is_refused() {
        assertThat(policy.refuseTenantThreshold(4)).hasValueSatisfying(m -> assertThat(m).contains("at least 5"));
        assertThat(policy.refuseTenantThreshold(0)).isPresent();
        assertThat(policy.refuseTenantThreshold(5)).isEmpty();
        assertThat(policy.refuseTenantThreshold(12)).isEmpty();
        assertThat(policy.refuseTenantThreshold(AnonymityPolicy.MAXIMUM_THRESHOLD + 1)).isPresent();
        assertThat(policy.forTenant(12).threshold()).isEqualTo(12);
        assertThat(policy.forTenant(null).threshold()).isEqualTo(5);
        // a stored value below the service's k (say the service default was raised later) never loosens it
        assertThat(new AnonymityPolicy(8).forTenant(6).threshold()).isEqualTo(8);
    }

    @Test
    void suppressed_cells_are_labelled_for_the_page_and_for_the_csv() {
        Verdict tooFew = new Verdict(true, policy.tooFewReason());
        Verdict complement = new Verdict(true, policy.complementaryReason());
        assertThat(policy.cellLabel(tooFew)).isEqualTo("fewer than 5 people");
        assertThat(policy.csvLabel(tooFew)).isEqualTo("suppressed (fewer than 5 people)");
        assertThat(policy.cellLabel(complement)).isEqualTo("hidden so a smaller group cannot be worked out");
        assertThat(new AnonymityPolicy(9).csvLabel(tooFew.reason() == null ? tooFew : new Verdict(true, "fewer than 9 people")))
                .isEqualTo("suppressed (fewer than 9 people)");
    }

    // --- risk and findings rows: the group is the people assessed in it ---

    @Test
    void a_risk_row_with_fewer_than_k_people_assessed_is_hidden_whatever_the_team_size() {
        // Accounts has 6 people enrolled but only 2 assessed: its ROSA 5+ count would describe one or two people
        BreakdownVerdicts verdicts = policy.assessBreakdowns(List.of(group("acc", "Accounts", 2)),
                List.of(new Whole("program", 2, List.of("acc"))));

        assertThat(verdicts.parts().get("acc").reason()).isEqualTo("fewer than 5 people assessed");
        assertThat(verdicts.wholes().get("program").reason()).isEqualTo("fewer than 5 people assessed");
        assertThat(policy.cellLabel(verdicts.parts().get("acc"))).isEqualTo("fewer than 5 people assessed");
        assertThat(policy.csvLabel(verdicts.parts().get("acc"))).isEqualTo("suppressed (fewer than 5 people assessed)");
    }

    @Test
    void the_program_row_minus_the_visible_team_rows_never_gives_one_hidden_team() {
        // program 21 assessed = A 1 + B 8 + C 12: with only A hidden, program - B - C = A's distribution
        List<Group> rows = List.of(group("a", "A", 1), group("b", "B", 8), group("c", "C", 12));
        BreakdownVerdicts verdicts = policy.assessBreakdowns(rows, List.of(new Whole("p", 21, List.of("a", "b", "c"))));

        assertThat(verdicts.parts().get("a").reason()).isEqualTo("fewer than 5 people assessed");
        // the next-smallest assessed team is hidden too, so the difference is A and B together: 9 people
        assertThat(verdicts.parts().get("b").reason()).isEqualTo(policy.complementaryReason());
        assertThat(verdicts.parts().get("c").suppressed()).isFalse();
        assertThat(verdicts.wholes().get("p").suppressed()).isFalse();
        assertThat(hiddenPeople(rows, verdicts.parts())).isGreaterThanOrEqualTo(5);
    }

    @Test
    void two_hidden_teams_that_together_hold_fewer_than_k_people_assessed_take_another_team_with_them() {
        // A 1 + B 2 = 3 < 5: the difference would still describe three people
        List<Group> rows = List.of(group("a", "A", 1), group("b", "B", 2), group("c", "C", 6), group("d", "D", 7));
        BreakdownVerdicts verdicts = policy.assessBreakdowns(rows, List.of(new Whole("p", 16, List.of("a", "b", "c", "d"))));

        assertThat(verdicts.parts().get("c").reason()).isEqualTo(policy.complementaryReason());
        assertThat(verdicts.parts().get("d").suppressed()).isFalse();
        assertThat(hiddenPeople(rows, verdicts.parts())).isEqualTo(9);
    }

    @Test
    void when_no_team_row_is_left_to_hide_the_program_row_is_hidden() {
        // A 2 hidden, B 6 is the only other row: hiding B leaves program = A + B (8 people, two rows), fine...
        BreakdownVerdicts two = policy.assessBreakdowns(List.of(group("a", "A", 2), group("b", "B", 6)),
                List.of(new Whole("p", 8, List.of("a", "b"))));
        assertThat(two.parts().get("b").suppressed()).isTrue();
        assertThat(two.wholes().get("p").suppressed()).isFalse();
        // ...but a single team with few assessed and nothing else to hide: the program row itself must go
        BreakdownVerdicts lone = policy.assessBreakdowns(List.of(group("a", "A", 3), group("b", "B", 0)),
                List.of(new Whole("p", 3, List.of("a", "b"))));
        assertThat(lone.wholes().get("p").suppressed()).isTrue();
        // a program with 9 assessed in one team of 4 and one empty team: 4 hidden alone, no visible row left
        BreakdownVerdicts alone = policy.assessBreakdowns(List.of(group("a", "A", 4), group("e", "E", 0), group("b", "B", 5)),
                List.of(new Whole("p", 9, List.of("a", "e", "b"))));
        assertThat(alone.parts().get("b").suppressed()).isTrue();
        assertThat(alone.parts().get("e").suppressed()).isTrue();
        assertThat(alone.wholes().get("p").suppressed()).isFalse();
    }

    @Test
    void rows_with_nobody_assessed_hide_nobody_and_cost_no_other_row() {
        BreakdownVerdicts verdicts = policy.assessBreakdowns(List.of(group("e", "Empty", 0), group("b", "B", 6), group("c", "C", 7)),
                List.of(new Whole("p", 13, List.of("e", "b", "c"))));

        assertThat(verdicts.parts().get("e").suppressed()).isTrue();
        assertThat(verdicts.parts().get("b").suppressed()).isFalse();
        assertThat(verdicts.parts().get("c").suppressed()).isFalse();
        assertThat(verdicts.wholes().get("p").suppressed()).isFalse();
    }

    @Test
    void a_team_hidden_for_one_program_is_hidden_for_every_program_it_belongs_to() {
        // P1 = A 2 + B 6 + C 9 hides A and B; P2 = B 6 + D 8 on its own would show B, and then P1 - C - B = A
        List<Group> rows = List.of(group("a", "A", 2), group("b", "B", 6), group("c", "C", 9), group("d", "D", 8));
        BreakdownVerdicts verdicts = policy.assessBreakdowns(rows, List.of(
                new Whole("p1", 17, List.of("a", "b", "c")), new Whole("p2", 14, List.of("b", "d"))));

        assertThat(verdicts.parts().get("a").suppressed()).isTrue();
        assertThat(verdicts.parts().get("b").suppressed()).isTrue();
        assertThat(verdicts.parts().get("c").suppressed()).isFalse();
        // in P2, B alone hidden would be P2 - D: D goes too, or P2 itself
        assertThat(verdicts.parts().get("d").suppressed() || verdicts.wholes().get("p2").suppressed()).isTrue();
        assertThat(verdicts.wholes().get("p1").suppressed()).isFalse();
    }

    @Test
    void a_raised_k_applies_to_risk_rows_and_names_itself() {
        AnonymityPolicy strict = new AnonymityPolicy(8);
        BreakdownVerdicts verdicts = strict.assessBreakdowns(List.of(group("a", "A", 7), group("b", "B", 9), group("c", "C", 9)),
                List.of(new Whole("p", 25, List.of("a", "b", "c"))));
        assertThat(verdicts.parts().get("a").reason()).isEqualTo("fewer than 8 people assessed");
        assertThat(verdicts.parts().get("b").suppressed()).isTrue();
        assertThat(verdicts.parts().get("c").suppressed()).isFalse();
        assertThat(strict.tooFewActiveReason()).isEqualTo("fewer than 8 people active");
    }

    private static long hiddenPeople(List<Group> groups, Map<String, Verdict> verdicts) {
        return groups.stream().filter(g -> verdicts.get(g.key()).suppressed()).mapToLong(Group::members).sum();
    }

    private static Group group(String key, long members) {
        return new Group(key, key, members);
    }

    private static Group group(String key, String name, long members) {
        return new Group(key, name, members);
    }
}
