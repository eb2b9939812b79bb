package io.upright.assessments;

import io.upright.assessments.assessment.AssessmentEvent;
import io.upright.assessments.campaign.CampaignEvent;
import io.upright.platform.eventstore.EventNames;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the names and versions the event store files these events under. They are stored history: existing rows
 * carry them, so they must never change. Renaming a Java class is fine; changing an {@code @EventName} is not (a
 * breaking change of a payload gets a new version and an upcaster instead).
 */
class StoredEventNamesTest {

    @Test
    void assessment_events_keep_their_stored_names() {
        assertThat(EventNames.of(AssessmentEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Started", 1,
                "AnswersSaved", 1,
                "Submitted", 1));
    }

    @Test
    void clearance_events_keep_their_stored_names() {
        assertThat(EventNames.of(io.upright.assessments.clearance.ClearanceEvent.class).versions())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ClearanceDeclared", 1));
    }

    @Test
    void sitting_report_events_keep_their_stored_names() {
        assertThat(EventNames.of(io.upright.assessments.sitting.SittingReportEvent.class).versions())
                .containsExactlyInAnyOrderEntriesOf(Map.of("SittingReported", 1, "SittingReportCorrected", 1));
    }

    @Test
    void campaign_events_keep_their_stored_names() {
        assertThat(EventNames.of(CampaignEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CampaignStarted", 1));
    }
}
