package io.upright.insights.anonymity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every k-anonymity rule of the HR dashboard, in one place and free of frameworks so it can be tested exhaustively.
 *
 * <ol>
 *   <li><b>Primary suppression.</b> A team with fewer than {@code k} enrolled people is suppressed.</li>
 *   <li><b>Complementary suppression.</b> If the suppressed teams together hold at least one but fewer than
 *       {@code k} people, anyone who knows a tenant-wide figure could subtract the visible teams from it and
 *       recover the suppressed ones. So the smallest visible team is suppressed too, and the next, until the
 *       suppressed teams together hold at least {@code k} people or nothing is left visible.</li>
 * </ol>
 *
 * Risk and findings rows are decided by {@link #assessBreakdowns} over the people assessed, not the people enrolled.
 * {@code k} is never below {@link #MINIMUM_THRESHOLD}: a tenant may raise it, never lower it.
 */
public final class AnonymityPolicy {

    /** The smallest group Upright ever reports on, whatever the configuration says. */
    public static final int MINIMUM_THRESHOLD = 5;

    /** A sanity bound for tenant settings: beyond it nothing would ever be shown. */
    public static final int MAXIMUM_THRESHOLD = 1000;

    /** A group of people a figure would be reported for; {@code name} and {@code key} only order ties. */
    public record Group(String key, String name, long members) {
    }

    /** Whether a group's figures may be shown and, when not, why (worded for HR). */
    public record Verdict(boolean suppressed, String reason) {
        public static final Verdict VISIBLE = new Verdict(false, null);
    }

    private final int threshold;
    private final boolean clamped;

    public AnonymityPolicy(int requestedThreshold) {
        this.threshold = Math.max(MINIMUM_THRESHOLD, requestedThreshold);
        this.clamped = requestedThreshold < MINIMUM_THRESHOLD;
    }

    public int threshold() {
        return threshold;
    }

    /** True when the requested threshold was below the minimum and {@link #MINIMUM_THRESHOLD} is used instead. */
    public boolean clamped() {
        return clamped;
    }

    /**
     * A tenant may make {@code k} stricter than the service's own threshold, never looser.
     *
     * @return why {@code requested} is refused, or empty when it may be used
     */
    public Optional<String> refuseTenantThreshold(int requested) {
        if (requested < threshold) {
            return Optional.of("must be at least " + threshold + "; a tenant may raise the anonymity threshold, never lower it");
        }
        if (requested > MAXIMUM_THRESHOLD) {
            return Optional.of("must be at most " + MAXIMUM_THRESHOLD);
        }
        return Optional.empty();
    }

    /** The policy for one tenant: its own stricter {@code k} when it set one, this policy otherwise. */
    public AnonymityPolicy forTenant(Integer tenantThreshold) {
        return tenantThreshold == null || tenantThreshold <= threshold ? this : new AnonymityPolicy(tenantThreshold);
    }

    /** How the CSV writes a published week's figure too small to show: its contributors are the people active. */
    public String suppressedLabel() {
        return "suppressed (" + tooFewActiveReason() + ")";
    }

    /** How the page shows a suppressed figure: short, in the cell itself. */
    public String cellLabel(Verdict verdict) {
        if (verdict.reason() == null) {
            return tooFewReason();
        }
        return complementaryReason().equals(verdict.reason()) ? COMPLEMENT_LABEL : verdict.reason();
    }

    /** How the CSV writes a suppressed figure. */
    public String csvLabel(Verdict verdict) {
        return "suppressed (" + cellLabel(verdict) + ")";
    }

    private static final String COMPLEMENT_LABEL = "hidden so a smaller group cannot be worked out";

    public String tooFewReason() {
        return "fewer than " + threshold + " people";
    }

    /** A risk distribution or findings row: the people it describes are those assessed in the group. */
    public String tooFewAssessedReason() {
        return "fewer than " + threshold + " people assessed";
    }

    /** An average over the people with activity (active minutes per employee-day, % of target). */
    public String tooFewActiveReason() {
        return "fewer than " + threshold + " people active";
    }

    public String complementaryReason() {
        return "hidden so that a smaller team's figures cannot be worked out by subtraction";
    }

    /** A total over several weeks, one of which is hidden: the total minus the shown weeks would give it. */
    public String hiddenWeekReason() {
        return "hidden because a week in it is hidden";
    }

    /** Nothing of this program has been published yet: no week of it has closed. */
    public String noPublishedWeekReason() {
        return "no week has closed yet";
    }

    /** A category (risk level, ROSA band, finding) held by fewer than k of the people a row describes. */
    public String fewerThanLabel() {
        return "fewer than " + threshold;
    }

    /** A category held by all but fewer than k of the people a row describes: near-everyone is as telling. */
    public String allButLabel() {
        return "all but fewer than " + threshold;
    }

    public String nothingAssessedVisibleReason() {
        return "no team's risk and findings can be shown";
    }

    public String nothingVisibleReason() {
        return "no team has at least " + threshold + " people";
    }

    /**
     * A total over some of the breakdown rows (a program over its teams). Its {@code size} is the number of
     * people it describes; {@code parts} are the keys of the rows it adds up.
     */
    public record Whole(String key, long size, List<String> parts) {
    }

    /** Verdicts for breakdown rows and for the wholes they add up to. */
    public record BreakdownVerdicts(Map<String, Verdict> parts, Map<String, Verdict> wholes) {
    }

    /**
     * Risk distributions and findings rows. A row describes the people with an assessment in its group, so:
     *
     * <ol>
     *   <li><b>Primary.</b> A row (team or whole) with fewer than {@code k} people assessed is hidden
     *       ({@link #tooFewAssessedReason()}).</li>
     *   <li><b>Complementary.</b> A visible whole minus its visible rows is the sum of its hidden rows. The hidden
     *       rows of a whole that describe anyone must be at least two and describe at least {@code k} people
     *       together; otherwise its smallest visible row (by people assessed, then name, then key) is hidden too,
     *       and again until that holds. When no row is left to hide, the whole is hidden.</li>
     *   <li>A hidden row is hidden in every whole it belongs to (a team in two programs), so no total can be set
     *       against a row another total keeps visible. A hidden whole hides its rows.</li>
     * </ol>
     * Rows with nobody assessed describe nobody: hiding them protects no one and costs no other row.
     */
    public BreakdownVerdicts assessBreakdowns(List<Group> rows, List<Whole> wholes) {
        Verdict tooFew = new Verdict(true, tooFewAssessedReason());
        Verdict complement = new Verdict(true, complementaryReason());
        Map<String, Group> byKey = new LinkedHashMap<>();
        Map<String, Verdict> parts = new LinkedHashMap<>();
        for (Group row : rows) {
            byKey.put(row.key(), row);
            parts.put(row.key(), row.members() < threshold ? tooFew : Verdict.VISIBLE);
        }
        Map<String, Verdict> totals = new LinkedHashMap<>();
        for (Whole whole : wholes) {
            totals.put(whole.key(), whole.size() < threshold ? tooFew : Verdict.VISIBLE);
        }
        Comparator<Group> smallestFirst = Comparator.comparingLong(Group::members)
                .thenComparing(Group::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::key);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Whole whole : wholes) {
                if (totals.get(whole.key()).suppressed()) {
                    for (String part : whole.parts()) {
                        if (parts.containsKey(part) && !parts.get(part).suppressed()) {
                            parts.put(part, complement);
                            changed = true;
                        }
                    }
                    continue;
                }
                long hiddenPeople = 0;
                int hiddenRows = 0;
                List<Group> visible = new ArrayList<>();
                for (String key : whole.parts()) {
                    Group row = byKey.get(key);
                    if (row == null) {
                        continue;
                    }
                    if (parts.get(key).suppressed()) {
                        hiddenPeople += row.members();
                        hiddenRows += row.members() > 0 ? 1 : 0;
                    } else {
                        visible.add(row);
                    }
                }
                if (hiddenRows > 0 && (hiddenRows < 2 || hiddenPeople < threshold)) {
                    if (visible.isEmpty()) {
                        totals.put(whole.key(), complement);
                    } else {
                        parts.put(visible.stream().min(smallestFirst).orElseThrow().key(), complement);
                    }
                    changed = true;
                }
            }
        }
        return new BreakdownVerdicts(parts, totals);
    }

    /**
     * Decides, for every group of one tenant at once (the complementary rule needs all of them), whether its
     * figures may be shown.
     *
     * @return a verdict per group key, in the order the groups were given
     */
    public Map<String, Verdict> assess(List<Group> groups) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        long suppressedMembers = 0;
        List<Group> visible = new ArrayList<>();
        for (Group group : groups) {
            if (group.members() < threshold) {
                verdicts.put(group.key(), new Verdict(true, tooFewReason()));
                suppressedMembers += group.members();
            } else {
                verdicts.put(group.key(), Verdict.VISIBLE);
                visible.add(group);
            }
        }
        // Empty suppressed teams hide nobody, so they never cost another team its figures.
        visible.sort(Comparator.comparingLong(Group::members)
                .thenComparing(Group::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::key));
        for (Group next : visible) {
            if (suppressedMembers == 0 || suppressedMembers >= threshold) {
                break;
            }
            verdicts.put(next.key(), new Verdict(true, complementaryReason()));
            suppressedMembers += next.members();
        }
        return verdicts;
    }
}
