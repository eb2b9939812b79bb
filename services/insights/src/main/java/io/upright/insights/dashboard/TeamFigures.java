package io.upright.insights.dashboard;

import java.util.Map;
import java.util.UUID;

/**
 * A team's raw figures as summed from the per-employee facts. Never leaves the service as is: the anonymity
 * policy decides first whether any of it may be shown.
 */
record TeamFigures(
        UUID teamId,
        String teamName,
        long enrolled,
        long assessmentsCompleted,
        Map<String, Long> latestRiskLevels,
        Map<String, Long> latestFindings,
        long routinesRecommended,
        long remindersSent,
        long breaksTaken,
        long activeBreakMinutes,
        long exerciseSessions,
        long exerciseMinutes) {
}
