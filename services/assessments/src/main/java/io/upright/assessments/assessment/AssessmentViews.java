package io.upright.assessments.assessment;

import io.upright.assessments.scoring.Finding;
import io.upright.assessments.scoring.RosaFinding;
import io.upright.assessments.scoring.RosaScoring;
import io.upright.assessments.scoring.SafetyScreen;
import io.upright.assessments.scoring.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON shapes of the assessment API. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    @Schema(name = "NewAssessment")
    public record NewAssessment(
            @jakarta.validation.constraints.NotBlank @Schema(example = "workstation-basics") String templateId) {
    }

    @Schema(name = "Answers", description = "Answers by question id; saved answers are merged with earlier ones")
    public record AnswersRequest(
            @jakarta.validation.constraints.NotNull
            @Schema(example = "{\"feetFlatOnFloor\": true, \"chairType\": \"office-adjustable\", \"hoursSittingPerDay\": 7}")
            Map<String, Object> answers) {
    }

    @Schema(name = "Finding")
    public record FindingView(@Schema(example = "MONITOR_TOO_LOW") String code, String explanation, String action) {
        static FindingView of(String code) {
            return Finding.byCode(code)
                    .map(f -> new FindingView(f.code(), f.explanation(), f.action()))
                    .or(() -> RosaFinding.byCode(code).map(f -> new FindingView(f.code(), f.explanation(), f.action())))
                    .orElse(new FindingView(code, null, null));
        }
    }

    @Schema(name = "AssessmentResult")
    public record ResultView(
            @Schema(example = "7") int score,
            @Schema(example = "20") int maxScore,
            @Schema(example = "MODERATE") String riskLevel,
            List<FindingView> findings,
            boolean clinicalReview,
            @Schema(description = "Present only when clinicalReview is true; the same text as urgencyAdvice") String clinicianAdvice,
            @Schema(description = "How soon to see a clinician, from my safety answers. Shown to me only: events and "
                    + "HR views carry clinicalReview alone", enumeration = {"EMERGENCY", "SEE_CLINICIAN_FIRST", "NONE"},
                    example = "NONE") String urgency,
            @Schema(description = "What to do about that urgency; null for NONE") String urgencyAdvice,
            @Schema(description = "Precaution codes my answers raised (exercises that could aggravate them are left out)",
                    example = "[\"anticoagulants\"]") List<String> precautions,
            @Schema(description = "Score of each template section: setup/habits/comfort points for "
                    + "WORKSTATION_BASICS, chair/monitor-telephone/mouse-keyboard chart scores for ROSA",
                    example = "{\"setup\": 2, \"habits\": 3, \"comfort\": 3}")
            Map<String, Integer> sectionScores,
            @Schema(description = "My previous submitted assessment of the same template id; null for a first one")
            UUID previousAssessmentId,
            @Schema(description = "Change since that previous assessment; null for a first one")
            ReassessmentDelta delta) {
        /** @param answers the assessment's answers: the urgency is worked out from them, never stored on an event */
        static ResultView of(AssessmentEvent.Submitted submitted, Map<String, Object> answers) {
            ReassessmentDelta delta = submitted.delta();
            Urgency urgency = urgencyOf(submitted, answers);
            return new ResultView(submitted.score(), AssessmentViews.maxScore(submitted.method()), submitted.riskLevel(),
                    submitted.findingCodes().stream().map(FindingView::of).toList(),
                    submitted.clinicalReview(), urgency.advice(), urgency.name(), urgency.advice(),
                    submitted.precautions(), submitted.sectionScores(),
                    delta == null ? null : delta.previousAssessmentId(), delta);
        }
    }

    /** The urgency of a submitted result; the stored clinicalReview decides whether there is one at all. */
    public static Urgency urgencyOf(AssessmentEvent.Submitted submitted, Map<String, Object> answers) {
        if (!submitted.clinicalReview()) {
            return Urgency.NONE;
        }
        Urgency urgency = SafetyScreen.screen(answers).urgency();
        // answers are scored once and never change after submission, so this holds; the fallback only guards
        return urgency == Urgency.NONE ? Urgency.SEE_CLINICIAN_FIRST : urgency;
    }

    static int maxScore(String method) {
        return RosaScoring.METHOD.equals(method) ? RosaScoring.MAX_SCORE : Finding.maxScore();
    }

    @Schema(name = "MyLatestResult", description = "My latest submitted assessment's result, without my answers")
    public record LatestResultView(UUID assessmentId,
                                   @Schema(example = "rosa") String templateId,
                                   @Schema(example = "2") int templateVersion,
                                   Instant submittedAt,
                                   ResultView result) {
        static LatestResultView of(AssessmentDecider.Assessment a) {
            return new LatestResultView(a.id(), a.templateId(), a.templateVersion(), a.result().submittedAt(),
                    ResultView.of(a.result(), a.answers()));
        }
    }

    @Schema(name = "TrendPoint", description = "One submitted assessment in my trend")
    public record TrendPoint(UUID assessmentId,
                             @Schema(example = "2") int templateVersion,
                             Instant submittedAt,
                             @Schema(example = "4") int score,
                             @Schema(example = "10") int maxScore,
                             @Schema(example = "MODERATE") String riskLevel) {
        static TrendPoint of(AssessmentRecord r, int maxScore) {
            return new TrendPoint(r.id, r.templateVersion, r.submittedAt, r.score, maxScore, r.riskLevel);
        }
    }

    @Schema(name = "Assessment")
    public record AssessmentView(
            UUID id,
            @Schema(example = "workstation-basics") String templateId,
            @Schema(example = "1") int templateVersion,
            @Schema(example = "IN_PROGRESS", enumeration = {"IN_PROGRESS", "SUBMITTED"}) String status,
            Instant startedAt,
            Instant submittedAt,
            @Schema(description = "Your answers so far; only you can read them") Map<String, Object> answers,
            @Schema(description = "Present once submitted") ResultView result) {
        public static AssessmentView of(AssessmentDecider.Assessment a) {
            AssessmentEvent.Submitted submitted = a.result();
            return new AssessmentView(a.id(), a.templateId(), a.templateVersion(), a.status().name(), a.startedAt(),
                    submitted == null ? null : submitted.submittedAt(), a.answers(),
                    submitted == null ? null : ResultView.of(submitted, a.answers()));
        }
    }

    @Schema(name = "AssessmentSummary")
    public record AssessmentSummary(UUID id, String templateId, int templateVersion,
                                    @Schema(example = "SUBMITTED") String status, Instant startedAt, Instant submittedAt,
                                    Integer score, String riskLevel, Boolean clinicalReview) {
        static AssessmentSummary of(AssessmentRecord r) {
            return new AssessmentSummary(r.id, r.templateId, r.templateVersion, r.status, r.startedAt, r.submittedAt,
                    r.score, r.riskLevel, r.clinicalReview);
        }
    }
}
