package io.upright.exercises.recommendation;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the recommender decides from: the findings and precautions of the latest result of <em>each</em>
 * assessment method, combined. A ROSA check looks at the chair, screen and phone, a workstation-basics check at
 * the body and the sitting pattern; neither says the other's findings went away, so the newest result of one
 * method never erases what the other found. Precautions are joined for the same reason (a check that did not
 * ask about blood thinners has not said they stopped), and any method still asking for clinical review keeps
 * exercises paused. {@code readiness} is the employee's own readiness screen and confirmed release techniques.
 */
public record Evidence(List<String> findingCodes, List<String> precautions, boolean clinicalReview,
                       Readiness readiness) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), false);

    public Evidence {
        findingCodes = findingCodes == null ? List.of() : List.copyOf(findingCodes);
        precautions = precautions == null ? List.of() : List.copyOf(precautions);
        readiness = readiness == null ? Readiness.NONE : readiness;
    }

    /** Findings without a readiness screen or confirmed techniques: no vigorous routine, no release technique. */
    public Evidence(List<String> findingCodes, List<String> precautions, boolean clinicalReview) {
        this(findingCodes, precautions, clinicalReview, Readiness.NONE);
    }

    /** The same findings with what the employee told us about their readiness (screen, confirmed techniques). */
    public Evidence with(Readiness readiness) {
        return new Evidence(findingCodes, precautions, clinicalReview, readiness);
    }

    /** Findings and precautions of every method's latest result, in method order (stable), without repeats. */
    public static Evidence combine(List<MethodResult> latestPerMethod) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> precautions = new LinkedHashSet<>();
        boolean review = false;
        for (MethodResult r : latestPerMethod.stream().sorted(Comparator.comparing(MethodResult::method)).toList()) {
            codes.addAll(r.findingCodes());
            precautions.addAll(r.precautions());
            review |= r.clinicalReview();
        }
        return new Evidence(List.copyOf(codes), precautions.stream().sorted().toList(), review);
    }
}
