package io.upright.assessments.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How a re-assessment compares with the employee's previous submitted assessment of the same template id (any
 * version). Pure, computed once at submission and stored with the result, so it stays what the employee saw even
 * if scoring rules change later.
 *
 * <p>For both methods a lower score is better, so a negative {@code change} is an improvement. Sections are the
 * current result's sections in order, then any section only the previous result had; a side that has no score
 * for a section is {@code null} and so is its change. Findings are compared by code: {@code resolvedFindings}
 * were in the previous result and are gone, {@code newFindings} were not in the previous result; both keep the
 * order of the result they come from.
 */
public record ReassessmentDelta(
        UUID previousAssessmentId,
        int previousTemplateVersion,
        Instant previousSubmittedAt,
        int previousScore,
        String previousRiskLevel,
        int scoreChange,
        List<SectionChange> sections,
        List<String> resolvedFindings,
        List<String> newFindings) {

    /** One section's score before and now; {@code change} = current - previous (negative = better). */
    public record SectionChange(String section, Integer previous, Integer current, Integer change) {
    }

    /** What the delta needs to know about one submitted result. */
    public record Outcome(UUID assessmentId, int templateVersion, Instant submittedAt, int score, String riskLevel,
                          Map<String, Integer> sectionScores, List<String> findingCodes) {
    }

    public static ReassessmentDelta between(Outcome previous, Outcome current) {
        Map<String, Integer> before = previous.sectionScores() == null ? Map.of() : previous.sectionScores();
        Map<String, Integer> now = current.sectionScores() == null ? Map.of() : current.sectionScores();
        Set<String> sectionIds = new LinkedHashSet<>(now.keySet());
        sectionIds.addAll(before.keySet());
        List<SectionChange> sections = new ArrayList<>();
        for (String section : sectionIds) {
            Integer was = before.get(section);
            Integer is = now.get(section);
            sections.add(new SectionChange(section, was, is, was == null || is == null ? null : is - was));
        }
        List<String> beforeCodes = previous.findingCodes() == null ? List.of() : previous.findingCodes();
        List<String> nowCodes = current.findingCodes() == null ? List.of() : current.findingCodes();
        return new ReassessmentDelta(previous.assessmentId(), previous.templateVersion(), previous.submittedAt(),
                previous.score(), previous.riskLevel(), current.score() - previous.score(), List.copyOf(sections),
                beforeCodes.stream().filter(c -> !nowCodes.contains(c)).toList(),
                nowCodes.stream().filter(c -> !beforeCodes.contains(c)).toList());
    }
}
