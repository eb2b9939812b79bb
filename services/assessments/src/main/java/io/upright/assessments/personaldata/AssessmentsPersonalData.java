package io.upright.assessments.personaldata;

import io.upright.assessments.assessment.AssessmentViews;
import io.upright.assessments.assessment.Assessments;
import io.upright.assessments.clearance.ClearanceViews;
import io.upright.assessments.clearance.ClinicalClearances;
import io.upright.assessments.sitting.SittingReports;
import io.upright.assessments.sitting.SittingViews;
import io.upright.assessments.team.EmployeeTeams;
import io.upright.platform.personaldata.PersonalDataPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * This service's part of an employee's data export: their team, every assessment with its answers and result,
 * every clinical clearance they declared, with their note, and their sitting self-reports (answers and minutes).
 */
@ApplicationScoped
public class AssessmentsPersonalData implements PersonalDataPart {

    private static final int ALL = 10_000;

    @Inject
    Assessments assessments;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    ClinicalClearances clearances;

    @Inject
    SittingReports sittingReports;

    @Override
    public String service() {
        return "assessments";
    }

    @Override
    public Map<String, Object> export(String tenant, UUID employeeId) {
        List<AssessmentViews.AssessmentView> all = assessments.mine(tenant, employeeId, 0, ALL).stream()
                .map(record -> AssessmentViews.AssessmentView.of(assessments.get(tenant, employeeId, record.id).state()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("teamId", employeeTeams.teamOf(tenant, employeeId).orElse(null));
        data.put("assessments", all);
        data.put("clinicalClearances", clearances.history(tenant, employeeId).stream()
                .map(ClearanceViews.ClearanceExport::of).toList());
        data.put("sittingReports", sittingReports.reports(tenant, employeeId).reports().inPeriodOrder().stream()
                .map(SittingViews.ReportView::of).toList());
        return data;
    }

    /**
     * Health data, for the employee's own export only: the assessments themselves (answers, discomfort ratings, red
     * flags, scores, risk and findings) and the clinical clearances (that a clinician saw them, and their note). The
     * sitting self-reports go with them: HR and admins cannot read them in the API either.
     */
    @Override
    public Set<String> healthFields() {
        return Set.of("assessments", "clinicalClearances", "sittingReports");
    }
}
