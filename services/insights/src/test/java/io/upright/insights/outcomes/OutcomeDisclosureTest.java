package io.upright.insights.outcomes;

import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.outcomes.OutcomeDisclosure.Figure;
import io.upright.insights.outcomes.OutcomeDisclosure.Published;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.upright.insights.outcomes.OutcomeDisclosure.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

class OutcomeDisclosureTest {

    private final OutcomeDisclosure rules = new OutcomeDisclosure(new AnonymityPolicy(5));

    @Test
    void a_group_of_fewer_than_k_contributors_is_hidden_and_a_program_of_k_or_more_is_shown() {
        Set<UUID> a = people(5);
        Set<UUID> b = people(4);
        Set<UUID> c = people(6);
        Map<String, Verdict> v = rules.assess(program(a, b, c), List.of(team("a", a), team("b", b), team("c", c)), List.of());
        assertThat(v.get("b").suppressed()).isTrue();
        assertThat(v.get("b").reason()).isEqualTo("fewer than 5 people answered both the baseline and this check-in");
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
    }

    @Test
    void a_small_hidden_team_hides_the_next_smallest_so_the_program_minus_the_shown_teams_is_never_a_few_people() {
        Set<UUID> a = people(6);
        Set<UUID> b = people(2);
        Set<UUID> c = people(7);
        Map<String, Verdict> v = rules.assess(program(a, b, c), List.of(team("a", a), team("b", b), team("c", c)), List.of());
        // program 15 minus c 7 = a and b, 8 people in two teams
        assertThat(v.get("b").suppressed()).isTrue();
        assertThat(v.get("a").suppressed()).isTrue();
        assertThat(v.get("c").suppressed()).isFalse();
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
    }

    @Test
    void a_program_whose_only_other_team_is_small_is_shown_with_its_teams_hidden_or_hidden_itself() {
        Set<UUID> a = people(6);
        Set<UUID> b = people(3);
        Map<String, Verdict> v = rules.assess(program(a, b), List.of(team("a", a), team("b", b)), List.of());
        assertThat(v.get("a").suppressed()).as("program 9 minus a would be b's 3").isTrue();
        assertThat(v.get("b").suppressed()).isTrue();
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
    }

    @Test
    void a_hidden_program_hides_its_teams_which_would_add_up_to_it() {
        Set<UUID> a = people(6);
        Set<UUID> earlier = new HashSet<>(a);
        earlier.remove(a.iterator().next());
        // the program alone was shown before with one person fewer: it is hidden now, so its only team must be too
        Map<String, Verdict> v = rules.assess(program(a), List.of(team("a", a)), List.of(new Published(earlier, 0)));
        assertThat(v.get(PROGRAM).suppressed()).isTrue();
        assertThat(v.get("a").suppressed()).isTrue();
    }

    @Test
    void a_round_that_adds_one_person_to_a_figure_shown_before_is_hidden() {
        Set<UUID> before = people(6);
        Set<UUID> now = new HashSet<>(before);
        now.add(UUID.randomUUID());
        Map<String, Verdict> v = rules.assess(program(now), List.of(team("a", now)), List.of(new Published(before, 0)));
        assertThat(v.get(PROGRAM)).isEqualTo(new Verdict(true, rules.differencingReason()));
        assertThat(v.get("a").suppressed()).isTrue();
    }

    @Test
    void a_round_that_leaves_out_one_person_of_a_figure_shown_before_is_hidden() {
        Set<UUID> before = people(7);
        Set<UUID> now = new HashSet<>(before);
        now.remove(before.iterator().next());
        Map<String, Verdict> v = rules.assess(program(now), List.of(team("a", now)), List.of(new Published(before, 0)));
        assertThat(v.get(PROGRAM).suppressed()).isTrue();
    }

    @Test
    void the_same_people_again_or_k_new_people_may_be_shown() {
        Set<UUID> before = people(6);
        Map<String, Verdict> same = rules.assess(program(before), List.of(team("a", before)), List.of(new Published(before, 0)));
        assertThat(same.get(PROGRAM).suppressed()).isFalse();
        assertThat(same.get("a").suppressed()).isFalse();

        Set<UUID> grown = new HashSet<>(before);
        grown.addAll(people(5));
        Map<String, Verdict> v = rules.assess(program(grown), List.of(team("a", grown)), List.of(new Published(before, 0)));
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
    }

    @Test
    void someone_erased_since_still_counts_in_the_figure_they_were_in() {
        Set<UUID> before = people(6);
        UUID erased = before.iterator().next();
        Set<UUID> kept = new HashSet<>(before);
        kept.remove(erased);
        // the figure now knows 5 ids and 1 erased: the same 5 again would give the erased person's numbers away
        Map<String, Verdict> v = rules.assess(program(kept), List.of(team("a", kept)), List.of(new Published(kept, 1)));
        assertThat(v.get(PROGRAM).suppressed()).isTrue();
    }

    @Test
    void a_team_that_would_single_out_a_newcomer_against_an_earlier_figure_is_hidden_and_the_other_team_with_it() {
        Set<UUID> a = people(6);
        Set<UUID> b = people(8);
        // shown before: a's six and one of b
        Set<UUID> earlier = new HashSet<>(a);
        earlier.add(b.iterator().next());
        Map<String, Verdict> v = rules.assess(program(a, b), List.of(team("a", a), team("b", b)), List.of(new Published(earlier, 0)));
        assertThat(v.get("a")).isEqualTo(new Verdict(true, rules.differencingReason()));
        // the program minus b alone would be a
        assertThat(v.get("b").suppressed()).isTrue();
        // the program differs from the earlier figure by b's other seven
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
    }

    @Test
    void groups_with_no_one_in_common_never_hide_each_other() {
        Set<UUID> before = people(5);
        Set<UUID> now = people(5);
        Map<String, Verdict> v = rules.assess(program(now), List.of(team("a", now)), List.of(new Published(before, 0)));
        assertThat(v.get(PROGRAM).suppressed()).isFalse();
        assertThat(v.get("a").suppressed()).isFalse();
    }

    @Test
    void a_stricter_tenant_k_applies_to_every_rule() {
        OutcomeDisclosure strict = new OutcomeDisclosure(new AnonymityPolicy(8));
        Set<UUID> before = people(8);
        Set<UUID> now = new HashSet<>(before);
        now.addAll(people(7));
        Map<String, Verdict> v = strict.assess(program(now), List.of(team("a", now)), List.of(new Published(before, 0)));
        assertThat(v.get(PROGRAM).suppressed()).as("7 new people are fewer than 8").isTrue();
    }

    private static Figure team(String key, Set<UUID> people) {
        return new Figure(key, people);
    }

    @SafeVarargs
    private static Figure program(Set<UUID>... teams) {
        Set<UUID> all = new HashSet<>();
        for (Set<UUID> t : teams) {
            all.addAll(t);
        }
        return new Figure(PROGRAM, all);
    }

    private static Set<UUID> people(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return new HashSet<>(ids);
    }
}
