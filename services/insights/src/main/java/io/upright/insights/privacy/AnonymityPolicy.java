package io.upright.insights.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every privacy rule of the HR dashboard, in one place and free of frameworks so it can be tested exhaustively.
 *
 * <ol>
 *   <li><b>Primary suppression.</b> A team with fewer than {@code k} enrolled people is suppressed.</li>
 *   <li><b>Complementary suppression.</b> If the suppressed teams together hold at least one but fewer than
 *       {@code k} people, anyone who knows a tenant-wide figure could subtract the visible teams from it and
 *       recover the suppressed ones. So the smallest visible team is suppressed too, and the next, until the
 *       suppressed teams together hold at least {@code k} people or nothing is left visible.</li>
 * </ol>
 *
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

    /** How the CSV writes a figure too small to show. */
    public String suppressedLabel() {
        return "suppressed (" + tooFewReason() + ")";
    }

    /** How the page shows a suppressed figure: short, in the cell itself. */
    public String cellLabel(Verdict verdict) {
        return complementaryReason().equals(verdict.reason()) ? COMPLEMENT_LABEL : tooFewReason();
    }

    /** How the CSV writes a suppressed figure. */
    public String csvLabel(Verdict verdict) {
        return "suppressed (" + cellLabel(verdict) + ")";
    }

    private static final String COMPLEMENT_LABEL = "hidden so a smaller group cannot be worked out";

    public String tooFewReason() {
        return "fewer than " + threshold + " people";
    }

    public String complementaryReason() {
        return "hidden so that a smaller team's figures cannot be worked out by subtraction";
    }

    public String nothingVisibleReason() {
        return "no team has at least " + threshold + " people";
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
