package io.upright.assessments.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** JSON shapes of the campaign API. */
public final class CampaignViews {

    private CampaignViews() {
    }

    @Schema(name = "NewAssessmentCampaign")
    public record NewCampaign(
            @NotNull @Schema(description = "A team known from programs' enrolments", example = "6f1c2a4e-3b7d-4c1e-9a51-0d8e2f7b6c10")
            UUID teamId,
            @NotBlank @Schema(example = "rosa") String templateId,
            @NotNull @Schema(description = "Last day to submit; today (UTC) or later", example = "2026-12-15")
            LocalDate dueDate) {
    }

    @Schema(name = "CampaignCoverage", description = "Counts only: how much of the team answered, never who")
    public record CoverageView(
            @Schema(description = "The team's known employees", example = "12") int employees,
            @Schema(description = "Of them, how many submitted an assessment of the template since the campaign started", example = "9")
            int submitted,
            @Schema(description = "submitted / employees, rounded down", example = "75") int percent) {
    }

    @Schema(name = "AssessmentCampaign")
    public record CampaignView(
            UUID id,
            UUID teamId,
            @Schema(example = "rosa") String templateId,
            @Schema(example = "2026-12-15") LocalDate dueDate,
            @Schema(example = "2026-11-25T09:30:00Z") Instant startedAt,
            @Schema(description = "Null when suppressed") CoverageView coverage,
            @Schema(description = "True when the team has fewer known employees than the anonymity threshold (at least 5, "
                    + "or the tenant's own stricter k set by its admin in insights): then nothing about it is shown, not even its size")
            boolean suppressed) {

        static CampaignView of(CampaignRecord record, Coverage coverage) {
            return new CampaignView(record.id, record.teamId, record.templateId, record.dueDate, record.startedAt,
                    coverage.suppressed() ? null : new CoverageView(coverage.employees(), coverage.submitted(), coverage.percent()),
                    coverage.suppressed());
        }
    }
}
