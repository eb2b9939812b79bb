package io.upright.assessments.clearance;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** JSON shapes of the clinical clearance API. */
public final class ClearanceViews {

    private ClearanceViews() {
    }

    /** {@code clearedOn} is a string so a malformed date is reported on its field like any other invalid value. */
    @Schema(name = "ClinicalClearance", description = "I declare that a clinician examined me and cleared me to exercise")
    public record ClearanceRequest(
            @Schema(description = "The day the clinician cleared me (YYYY-MM-DD): not in the future, not before the "
                    + "assessment that paused my exercises", required = true, example = "2026-12-03") String clearedOn,
            @Schema(description = "Optional, at most 500 characters; stays in Upright for me only (my own data export)",
                    maxLength = 500, example = "Seen by my GP, no restrictions") String note) {
    }

    @Schema(name = "ClinicalStatus", description = "Whether my exercises are paused for clinical review. Only I see "
            + "the urgency and its advice")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClinicalStatusView(
            @Schema(enumeration = {"NONE", "PAUSED", "CLEARED"}, example = "CLEARED") String status,
            @Schema(description = "The assessment that asked for clinical review (PAUSED, CLEARED)") UUID assessmentId,
            @Schema(description = "How soon to see a clinician (PAUSED, CLEARED)",
                    enumeration = {"EMERGENCY", "SEE_CLINICIAN_FIRST"}, example = "SEE_CLINICIAN_FIRST") String urgency,
            @Schema(description = "What to do (PAUSED)") String advice,
            @Schema(description = "The day a clinician cleared me (CLEARED)", example = "2026-12-03") LocalDate clearedOn,
            @Schema(description = "Take the safety check again by this day (CLEARED)", example = "2027-02-25") LocalDate rescreenBy,
            @Schema(description = "True once rescreenBy has come (CLEARED)") Boolean rescreenDue) {

        public static ClinicalStatusView of(ClinicalStatus s) {
            boolean none = s.state() == ClinicalStatus.State.NONE;
            boolean cleared = s.state() == ClinicalStatus.State.CLEARED;
            return new ClinicalStatusView(s.state().name(), s.assessmentId(), none ? null : s.urgency().name(),
                    s.state() == ClinicalStatus.State.PAUSED ? s.urgency().advice() : null,
                    s.clearedOn(), s.rescreenBy(), cleared ? s.rescreenDue() : null);
        }
    }

    /** One declared clearance as the employee's own data export lists it, note included. */
    public record ClearanceExport(UUID clearanceId, UUID assessmentId, LocalDate clearedOn, LocalDate rescreenBy,
                                  String note, Instant declaredAt) {
        public static ClearanceExport of(ClearanceEvent.ClearanceDeclared d) {
            return new ClearanceExport(d.clearanceId(), d.assessmentId(), d.clearedOn(), d.rescreenBy(), d.note(),
                    d.declaredAt());
        }
    }
}
