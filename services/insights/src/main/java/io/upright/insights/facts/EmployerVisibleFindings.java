package io.upright.insights.facts;

import io.upright.contracts.assessments.FindingCodes;

import java.util.List;
import java.util.Set;

/**
 * The findings insights keeps at all. A red flag means "see a clinician": whether anyone in a team has one is a
 * health signal about a few people, never a workplace figure, so it is dropped before it is stored, and no HR or
 * admin answer, CSV or page can show it, not even as a count. ({@code clinicalReview} is never stored either.)
 */
public final class EmployerVisibleFindings {

    static final Set<String> NEVER_KEPT = Set.of(FindingCodes.RED_FLAG_SEEK_CLINICIAN);

    private EmployerVisibleFindings() {
    }

    /** The codes of an assessment that insights may keep, in their order, without duplicates. */
    public static List<String> of(List<String> findingCodes) {
        if (findingCodes == null) {
            return List.of();
        }
        return findingCodes.stream().filter(code -> code != null && !NEVER_KEPT.contains(code)).distinct().toList();
    }
}
