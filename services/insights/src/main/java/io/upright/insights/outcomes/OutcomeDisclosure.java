package io.upright.insights.outcomes;

import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which sitting-outcome figures of one round (a program and its teams, at one check-in) HR may see. A figure shows its
 * number of contributors and their means, so its sum is known: any two figures whose people differ by a few give
 * those few away by subtraction. Free of frameworks, so every rule is unit-tested ({@code OutcomeDisclosureTest}).
 *
 * <ol>
 *   <li><b>Primary.</b> A figure of fewer than {@code k} contributors is hidden.</li>
 *   <li><b>Complementary.</b> Teams are disjoint and make up their program: the program minus its visible teams is
 *       the hidden teams together. Those must hold nobody, or at least {@code k} people in at least two teams;
 *       otherwise the smallest visible team is hidden too (the program, when no team is left). A hidden program hides
 *       its teams, which would add up to it.</li>
 *   <li><b>Differencing.</b> Two figures whose contributors differ, one way or the other, by 1 to {@code k - 1}
 *       people would give those people away: a program and one of its teams this round (the team is hidden), or a new
 *       figure and any figure published in an earlier round, of any group of the tenant (the new one is hidden;
 *       published figures never change). People erased since a figure was published count as in it and in no new
 *       figure.</li>
 * </ol>
 * The rules are applied until nothing changes; hiding only ever grows, so this ends.
 */
public final class OutcomeDisclosure {

    /** The program's own figure, next to its teams' ({@link Figure#key()} is the team id otherwise). */
    public static final String PROGRAM = "program";

    /** A figure about to be published: who contributes to it. */
    public record Figure(String key, Set<UUID> contributors) {
        int size() {
            return contributors.size();
        }
    }

    /** A figure shown in an earlier round: its contributors still known, and how many of them were erased since. */
    public record Published(Set<UUID> contributors, int erased) {
    }

    private final AnonymityPolicy policy;

    public OutcomeDisclosure(AnonymityPolicy policy) {
        this.policy = policy;
    }

    /** Why a figure is hidden when it could be compared with another to single out fewer than k people. */
    public String differencingReason() {
        return "hidden: compared with another figure it would single out fewer than " + policy.threshold() + " people";
    }

    /** Why a figure is hidden when fewer than k people answered both questionnaires. */
    public String tooFewReason() {
        return "fewer than " + policy.threshold() + " people answered both the baseline and this check-in";
    }

    /**
     * @param program its contributors are the teams' together
     * @param teams   disjoint
     * @param earlier every figure of the tenant shown in an earlier round
     * @return a verdict for the program ({@link #PROGRAM}) and each team, by key
     */
    public Map<String, Verdict> assess(Figure program, List<Figure> teams, List<Published> earlier) {
        int k = policy.threshold();
        Verdict tooFew = new Verdict(true, tooFewReason());
        Verdict complementary = new Verdict(true, policy.complementaryReason());
        Verdict differencing = new Verdict(true, differencingReason());
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put(PROGRAM, program.size() < k ? tooFew : Verdict.VISIBLE);
        for (Figure team : teams) {
            verdicts.put(team.key(), team.size() < k ? tooFew : Verdict.VISIBLE);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            // a hidden program hides its teams
            if (verdicts.get(PROGRAM).suppressed()) {
                for (Figure team : teams) {
                    if (!verdicts.get(team.key()).suppressed()) {
                        verdicts.put(team.key(), complementary);
                        changed = true;
                    }
                }
            } else {
                // the program minus its visible teams
                long hidden = 0;
                int hiddenTeams = 0;
                List<Figure> visible = new ArrayList<>();
                for (Figure team : teams) {
                    if (verdicts.get(team.key()).suppressed()) {
                        hidden += team.size();
                        hiddenTeams += team.size() > 0 ? 1 : 0;
                    } else {
                        visible.add(team);
                    }
                }
                if (hidden > 0 && (hidden < k || hiddenTeams < 2)) {
                    Optional<Figure> smallest = visible.stream()
                            .min(Comparator.comparingInt(Figure::size).thenComparing(Figure::key));
                    verdicts.put(smallest.map(Figure::key).orElse(PROGRAM), complementary);
                    changed = true;
                    continue;
                }
                // the program against each visible team: the rest of the program must not be a few people
                for (Figure team : visible) {
                    if (singlesOut(program.contributors(), team.contributors(), 0, k)) {
                        verdicts.put(team.key(), differencing);
                        changed = true;
                    }
                }
            }
            // every visible figure against everything shown before
            List<Figure> all = new ArrayList<>(teams);
            all.add(program);
            for (Figure figure : all) {
                if (verdicts.get(figure.key()).suppressed()) {
                    continue;
                }
                for (Published shown : earlier) {
                    if (singlesOut(figure.contributors(), shown.contributors(), shown.erased(), k)) {
                        verdicts.put(figure.key(), differencing);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return verdicts;
    }

    /** Whether {@code a} and {@code b} differ by 1 to k - 1 people either way ({@code erasedFromB}: in b, in no new figure). */
    static boolean singlesOut(Set<UUID> a, Set<UUID> b, int erasedFromB, int k) {
        Set<UUID> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        Set<UUID> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        int fromA = onlyA.size();
        int fromB = onlyB.size() + erasedFromB;
        return (fromA > 0 && fromA < k) || (fromB > 0 && fromB < k);
    }
}
