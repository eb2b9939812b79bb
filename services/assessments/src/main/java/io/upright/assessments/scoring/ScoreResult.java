package io.upright.assessments.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of scoring one assessment. Findings keep the declaration order of {@link Finding}. */
public record ScoreResult(int score, RiskLevel riskLevel, List<Finding> findings, boolean clinicalReview) {

    public List<String> findingCodes() {
        return findings.stream().map(Finding::code).toList();
    }

    /**
     * Points per scored section ({@code setup}, {@code habits}, {@code comfort}, in that order; they add up to
     * {@link #score()}), which the re-assessment delta compares. The safety section scores no points.
     */
    public Map<String, Integer> sectionScores() {
        Map<String, Integer> sections = new LinkedHashMap<>();
        for (String section : Finding.SCORED_SECTIONS) {
            sections.put(section, findings.stream().filter(f -> f.section().equals(section)).mapToInt(Finding::points).sum());
        }
        return sections;
    }
}
