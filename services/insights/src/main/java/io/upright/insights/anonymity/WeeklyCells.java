package io.upright.insights.anonymity;

import io.upright.insights.anonymity.AnonymityPolicy.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for published weekly figures. A week's figures are published once, when the week has closed, as one
 * cell per team; every window HR can ask for is then built from whole published cells.
 *
 * <ol>
 *   <li><b>Contributors.</b> A team-week cell is shown only when at least {@code k} people <i>did something</i>
 *       in it (the people its counts, sums and averages are made of); people merely enrolled count for nothing,
 *       so placeholder enrolments gain nothing.</li>
 *   <li><b>Complementary, down a week.</b> A program's week total is the sum of its teams' cells. The hidden cells
 *       of a program that describe anyone (anyone active, or anyone sent something) must be at least two and
 *       describe at least {@code k} people together, else the program's smallest visible cell is hidden too.
 *       One verdict per team and week, whatever program asks.</li>
 *   <li><b>Totals over several weeks</b> are shown only when none of their weekly cells is hidden, so no two
 *       windows differ by a hidden cell. A week in which nothing at all happened adds only zeros and is left
 *       out of the test.</li>
 * </ol>
 */
public final class WeeklyCells {

    /**
     * One team in one closed week: {@code contributors} are the people active in it; {@code people} everyone its
     * figures are about (active, or sent a reminder). {@code people == 0} means nothing happened.
     */
    public record TeamWeek(String team, String name, long contributors, long people) {
    }

    /** A total over some teams in the same week (a program's week). */
    public record Whole(String key, List<String> teams) {
    }

    /** One week of a multi-week total: its verdict and whether anything happened in it at all. */
    public record Part(Verdict verdict, boolean empty) {
    }

    private final AnonymityPolicy policy;

    public WeeklyCells(AnonymityPolicy policy) {
        this.policy = policy;
    }

    /** The verdicts published for one week's team cells, with every whole known at publication. */
    public Map<String, Verdict> publish(List<TeamWeek> cells, List<Whole> wholes) {
        Verdict tooFew = new Verdict(true, policy.tooFewActiveReason());
        Verdict complement = new Verdict(true, policy.complementaryReason());
        Map<String, TeamWeek> byTeam = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (TeamWeek cell : cells) {
            byTeam.put(cell.team(), cell);
            verdicts.put(cell.team(), cell.contributors() < policy.threshold() ? tooFew : Verdict.VISIBLE);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Whole whole : wholes) {
                if (contributors(whole, byTeam) < policy.threshold()) {
                    continue; // hidden itself: nothing to subtract from
                }
                if (exposed(whole, byTeam, verdicts)) {
                    List<TeamWeek> visible = new ArrayList<>();
                    for (String team : whole.teams()) {
                        if (byTeam.containsKey(team) && !verdicts.get(team).suppressed()) {
                            visible.add(byTeam.get(team));
                        }
                    }
                    if (!visible.isEmpty()) {
                        verdicts.put(visible.stream().min(SMALLEST_FIRST).orElseThrow().team(), complement);
                        changed = true;
                    }
                }
            }
        }
        return verdicts;
    }

    /**
     * A week total's verdict, given its teams' published verdicts (fixed once published: a program launched later
     * never unhides a cell, it is hidden itself when it would expose one).
     */
    public Verdict whole(Whole whole, Map<String, TeamWeek> cells, Map<String, Verdict> verdicts) {
        if (contributors(whole, cells) < policy.threshold()) {
            return new Verdict(true, policy.tooFewActiveReason());
        }
        return exposed(whole, cells, verdicts) ? new Verdict(true, policy.complementaryReason()) : Verdict.VISIBLE;
    }

    /** A total over several published weeks: shown only when every week in it that holds anything is shown. */
    public Verdict overWeeks(List<Part> weeks) {
        boolean anything = false;
        for (Part week : weeks) {
            if (week.empty()) {
                continue;
            }
            anything = true;
            if (week.verdict() == null || week.verdict().suppressed()) {
                return new Verdict(true, policy.hiddenWeekReason());
            }
        }
        return anything ? Verdict.VISIBLE : new Verdict(true, policy.tooFewActiveReason());
    }

    private boolean exposed(Whole whole, Map<String, TeamWeek> cells, Map<String, Verdict> verdicts) {
        long hiddenPeople = 0;
        int hiddenCells = 0;
        for (String team : whole.teams()) {
            TeamWeek cell = cells.get(team);
            Verdict verdict = verdicts.get(team);
            if (cell == null || cell.people() == 0) {
                continue;
            }
            if (verdict == null || verdict.suppressed()) {
                hiddenPeople += cell.people();
                hiddenCells++;
            }
        }
        return CellSuppression.exposed(hiddenCells, hiddenPeople, policy.threshold());
    }

    private static long contributors(Whole whole, Map<String, TeamWeek> cells) {
        return whole.teams().stream().mapToLong(t -> cells.containsKey(t) ? cells.get(t).contributors() : 0).sum();
    }

    private static final Comparator<TeamWeek> SMALLEST_FIRST = Comparator.comparingLong(TeamWeek::contributors)
            .thenComparing(TeamWeek::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TeamWeek::team);
}
