package io.upright.assessments.sitting;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the sitting self-report API. */
public final class SittingViews {

    private SittingViews() {
    }

    /**
     * The answers as sent. Every field is read as a decimal so that 1.5 days or 70.5 % are refused by name (an int
     * would quietly drop the fraction) and so that no number a client sends can overflow before it is checked.
     */
    @Schema(name = "SittingAnswers", description = "My answers for one period (questions at GET /api/sitting-questionnaire)")
    public record AnswersRequest(
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "7", required = true, example = "5",
                    description = "Days worked in the last 7 days") BigDecimal daysWorked,
            @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100", required = true, example = "40",
                    description = "Hours worked in the last 7 days in total, at most one decimal, at most 24 per day worked")
            BigDecimal hoursWorked,
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", example = "70",
                    description = "Share of work time sitting; the four shares add up to 100 (all four may be left "
                            + "out when daysWorked and hoursWorked are 0)") BigDecimal sittingPercent,
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", example = "20",
                    description = "Share of work time standing") BigDecimal standingPercent,
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", example = "10",
                    description = "Share of work time walking") BigDecimal walkingPercent,
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", example = "0",
                    description = "Share of work time in heavy physical work") BigDecimal heavyLabourPercent) {

        public Ospaq.Input toInput() {
            return new Ospaq.Input(hoursWorked, daysWorked, sittingPercent, standingPercent, walkingPercent,
                    heavyLabourPercent);
        }
    }

    @Schema(name = "SittingAnswersStored")
    public record AnswersView(int daysWorked, @Schema(example = "40.0") BigDecimal hoursWorked, Integer sittingPercent,
                              Integer standingPercent, Integer walkingPercent, Integer heavyLabourPercent) {
        static AnswersView of(Ospaq.Answers a) {
            return new AnswersView(a.daysWorked(), a.hoursWorked(), a.sittingPercent(), a.standingPercent(),
                    a.walkingPercent(), a.heavyLabourPercent());
        }
    }

    @Schema(name = "SittingPerWorkday", description = "Minutes of an average workday, each rounded half up from the "
            + "exact value (the four activities may add up to the workday ±2 minutes)")
    public record PerWorkdayView(@Schema(example = "480") int minutesWorkedPerWorkday,
                                 @Schema(example = "336") int sittingMinutes,
                                 @Schema(example = "96") int standingMinutes,
                                 @Schema(example = "48") int walkingMinutes,
                                 @Schema(example = "0") int heavyLabourMinutes) {
        static PerWorkdayView of(Ospaq.WorkdayMinutes m) {
            return new PerWorkdayView(m.minutesWorkedPerWorkday(), m.sittingMinutes(), m.standingMinutes(),
                    m.walkingMinutes(), m.heavyLabourMinutes());
        }
    }

    @Schema(name = "SittingReport")
    public record ReportView(
            @Schema(example = "baseline") String period,
            @Schema(example = Ospaq.VERSION) String questionnaireVersion,
            AnswersView answers,
            @Schema(description = "null when I did not work that week") PerWorkdayView perWorkday,
            @Schema(description = "When I first answered this period") Instant firstReportedAt,
            @Schema(description = "When I gave the answer that counts (the newest)") Instant reportedAt,
            @Schema(description = "Whether I answered this period again and replaced my first answer") boolean corrected) {

        public static ReportView of(SittingReportDecider.StoredReport r) {
            return new ReportView(r.period().value(), r.questionnaireVersion(), AnswersView.of(r.answers()),
                    r.perWorkday().map(PerWorkdayView::of).orElse(null), r.firstReportedAt(), r.reportedAt(),
                    r.corrected());
        }
    }

    @Schema(name = "SittingReports", description = "My reports in period order, and one sentence comparing my latest "
            + "report with my baseline")
    public record ReportsView(List<ReportView> items, int page, int size, long total,
                              @Schema(example = "You now sit about 60 minutes less per workday than at your baseline "
                                      + "(336 → 276). Well done: keep standing up and moving regularly.") String feedback) {
    }

    @Schema(name = "SittingQuestionnaire")
    public record QuestionnaireView(
            @Schema(example = Ospaq.VERSION) String version,
            String title,
            @Schema(description = "Why Upright asks") String why,
            List<QuestionView> questions,
            String sharesRule,
            @Schema(description = "The periods a report can be for, in order") List<String> periods,
            SourceView source) {

        public static QuestionnaireView current() {
            return new QuestionnaireView(Ospaq.VERSION, Ospaq.TITLE, Ospaq.WHY,
                    Ospaq.QUESTIONS.stream().map(QuestionView::of).toList(), Ospaq.SHARES_RULE, SittingPeriod.all(),
                    new SourceView("OSPAQ (Occupational Sitting and Physical Activity Questionnaire)", Ospaq.CITATION,
                            Ospaq.EVIDENCE));
        }
    }

    @Schema(name = "SittingQuestion")
    public record QuestionView(String id, String text,
                               @Schema(enumeration = {"integer-range", "number-range"}) String answerType,
                               int min, int max, @Schema(description = "Decimal places allowed") int decimals,
                               String unit, String help) {
        static QuestionView of(Ospaq.Question q) {
            return new QuestionView(q.id(), q.text(), q.answerType(), q.min(), q.max(), q.decimals(), q.unit(), q.help());
        }
    }

    @Schema(name = "SittingQuestionnaireSource")
    public record SourceView(String instrument, String citation, String evidence) {
    }
}
