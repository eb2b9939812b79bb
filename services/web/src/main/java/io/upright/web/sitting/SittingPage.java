package io.upright.web.sitting;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import io.upright.web.sitting.MySittingReports.Questionnaire;
import io.upright.web.sitting.MySittingReports.Report;
import io.upright.web.sitting.MySittingReports.Reports;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sitting check-in: the OSPAQ questionnaire for the period that is due (or one the person picks), and their
 * sitting time per workday over the periods, as a chart and a table, with the service's one sentence of feedback.
 */
@Path("/sitting")
@Produces(MediaType.TEXT_HTML)
public class SittingPage {

    @Inject
    @RestClient
    MySittingReports sitting;

    @Inject
    @Location("sitting/page.html")
    Template page;

    @Context
    HttpHeaders headers;

    /** One choice of the period select. */
    @TemplateData
    public record PeriodOption(String value, String label, boolean answered, boolean selected) {
    }

    /** One row of the trend table. */
    @TemplateData
    public record TrendRow(String label, Integer sitting, Integer standingAndWalking, Integer worked) {
    }

    @GET
    public TemplateInstance get(@QueryParam("period") String period, @QueryParam("saved") String saved) {
        return show(period, null, null, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object answer(@RestForm String period, @RestForm String daysWorked, @RestForm String hoursWorked,
                         @RestForm String sittingPercent, @RestForm String standingPercent,
                         @RestForm String walkingPercent, @RestForm String heavyLabourPercent) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("daysWorked", daysWorked);
        typed.put("hoursWorked", hoursWorked);
        typed.put("sittingPercent", sittingPercent);
        typed.put("standingPercent", standingPercent);
        typed.put("walkingPercent", walkingPercent);
        typed.put("heavyLabourPercent", heavyLabourPercent);
        SittingForm.Read read = SittingForm.read(period, typed);
        SittingMessages words = words();
        if (!read.notNumbers().isEmpty()) {
            List<ServiceProblem.FieldError> errors = read.notNumbers().stream()
                    .map(f -> new ServiceProblem.FieldError(f, words.notANumber())).toList();
            return show(period, read.form(), new ServiceProblem(400, "", "", errors), null);
        }
        if (period == null || period.isBlank()) {
            return show(null, read.form(), new ServiceProblem(400, "", "",
                    List.of(new ServiceProblem.FieldError("period", words.choose()))), null);
        }
        try {
            sitting.answer(period, read.answers());
            return Response.seeOther(UriBuilder.fromPath("/sitting").queryParam("saved", period).build()).build();
        } catch (WebApplicationException | ProcessingException failure) {
            return show(period, read.form(), ServiceProblem.of(failure, unavailable()), null);
        }
    }

    private TemplateInstance show(String asked, SittingForm typed, ServiceProblem problem, String saved) {
        SittingMessages words = words();
        ServiceProblem shown = problem;
        Questionnaire questionnaire = null;
        Reports reports = null;
        try {
            questionnaire = sitting.questionnaire();
            reports = sitting.mine();
        } catch (WebApplicationException | ProcessingException failure) {
            if (shown == null) {
                shown = ServiceProblem.of(failure, unavailable());
            }
        }
        TemplateInstance view = page.data("questionnaire", questionnaire).data("feedback", null)
                .data("saved", saved == null ? null : SittingPeriods.label(saved, words));
        if (questionnaire == null || reports == null) {
            return view.data("problem", shown).data("form", null).data("trend", List.of()).data("chart", null)
                    .data("periods", List.of()).data("due", null).data("correcting", false);
        }
        List<Report> items = reports.items() == null ? List.of() : reports.items();
        List<String> answered = items.stream().map(Report::period).toList();
        Optional<String> due = DuePeriod.of(questionnaire.periods(), answered);
        String chosen = asked != null && questionnaire.periods().contains(asked) ? asked
                : due.orElse(questionnaire.periods().get(questionnaire.periods().size() - 1));
        Optional<Report> earlier = items.stream().filter(r -> r.period().equals(chosen)).findFirst();
        SittingForm form = typed != null ? typed
                : earlier.map(r -> SittingForm.of(chosen, r.answers())).orElse(SittingForm.empty(chosen));
        if (shown != null) {
            form = form.withErrors(shown.byField());
            shown = labelled(shown, words);
        }
        List<PeriodOption> periods = new ArrayList<>();
        for (String p : questionnaire.periods()) {
            periods.add(new PeriodOption(p, SittingPeriods.label(p, words), answered.contains(p), p.equals(chosen)));
        }
        List<TrendRow> trend = new ArrayList<>();
        List<SittingChart.Bar> bars = new ArrayList<>();
        for (Report r : items) {
            String label = SittingPeriods.label(r.period(), words);
            if (r.perWorkday() == null) {
                trend.add(new TrendRow(label, null, null, null));
            } else {
                trend.add(new TrendRow(label, r.perWorkday().sittingMinutes(), r.perWorkday().standingAndWalkingMinutes(),
                        r.perWorkday().minutesWorkedPerWorkday()));
                bars.add(new SittingChart.Bar(label, r.perWorkday().sittingMinutes()));
            }
        }
        return view.data("problem", shown)
                .data("form", form)
                .data("periods", periods)
                .data("due", due.map(p -> SittingPeriods.label(p, words)).orElse(null))
                .data("correcting", earlier.isPresent())
                .data("trend", trend)
                .data("chart", bars.isEmpty() ? null : SittingChart.svg("sitting-chart-title", words.chartTitle(), bars))
                .data("feedback", reports.feedback());
    }

    /** The summary at the top names the question each error belongs to; at the field the message stands alone. */
    private static ServiceProblem labelled(ServiceProblem problem, SittingMessages words) {
        Map<String, String> labels = Map.of("daysWorked", words.labelDaysWorked(), "hoursWorked", words.labelHoursWorked(),
                "sittingPercent", words.labelSittingPercent(), "standingPercent", words.labelStandingPercent(),
                "walkingPercent", words.labelWalkingPercent(), "heavyLabourPercent", words.labelHeavyLabourPercent(),
                "period", words.period());
        List<ServiceProblem.FieldError> errors = problem.fieldErrors().stream()
                .map(e -> new ServiceProblem.FieldError(e.field(),
                        labels.containsKey(e.field()) ? labels.get(e.field()) + ": " + e.message() : e.message()))
                .toList();
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors);
    }

    private SittingMessages words() {
        return PageLanguage.bundle(SittingMessages.class, headers);
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }
}
