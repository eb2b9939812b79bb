package io.upright.assessments.sitting;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to one employee's sitting self-reports (one stream per employee), as stored in the event store. The
 * answers are stored, the minutes per workday are not: they follow from the answers by the rules of
 * {@code questionnaireVersion}, and a change of those rules would be a new questionnaire version.
 */
public sealed interface SittingReportEvent {

    String period();

    Ospaq.Answers answers();

    /** The employee answered a period for the first time. */
    @EventName("SittingReported")
    record SittingReported(UUID employeeId, String period, String questionnaireVersion, Ospaq.Answers answers,
                           Instant reportedAt) implements SittingReportEvent {
    }

    /** The employee answered a period again with different answers; these replace the earlier ones. */
    @EventName("SittingReportCorrected")
    record SittingReportCorrected(UUID employeeId, String period, String questionnaireVersion, Ospaq.Answers answers,
                                  Instant correctedAt) implements SittingReportEvent {
    }
}
