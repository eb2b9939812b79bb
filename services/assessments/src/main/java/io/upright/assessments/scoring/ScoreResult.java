package io.upright.assessments.scoring;

import java.util.List;

/** The outcome of scoring one assessment. Findings keep the declaration order of {@link Finding}. */
public record ScoreResult(int score, RiskLevel riskLevel, List<Finding> findings, boolean clinicalReview) {

    public List<String> findingCodes() {
        return findings.stream().map(Finding::code).toList();
    }
}
