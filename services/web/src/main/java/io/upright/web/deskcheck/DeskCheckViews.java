package io.upright.web.deskcheck;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.deskcheck.DeskCheckApi.Assessment;
import io.upright.web.deskcheck.DeskCheckApi.Delta;
import io.upright.web.deskcheck.DeskCheckApi.Finding;
import io.upright.web.deskcheck.DeskCheckApi.Result;
import io.upright.web.deskcheck.DeskCheckApi.Summary;
import io.upright.web.deskcheck.DeskCheckApi.TemplateSummary;
import io.upright.web.deskcheck.DeskCheckApi.TrendPoint;
import io.upright.web.page.ServiceProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The start page and the result page: what they read from the service, shaped for their templates. */
@ApplicationScoped
public class DeskCheckViews {

    static final String QUICK_CHECK = "workstation-basics";

    @Inject
    @RestClient
    DeskCheckApi api;

    @Inject
    @Location("deskcheck/start.html")
    Template start;

    @Inject
    @Location("deskcheck/result.html")
    Template result;

    /** A template offered on the start page, as the service describes it. */
    public record Offer(String id, String title, String description, boolean checked) {
    }

    /** A check of the person's own: in progress (to resume) or submitted (to read). */
    public record Mine(UUID id, String title, String startedOn, String submittedOn, Integer score, Integer maxScore,
                       String riskLevel) {
    }

    /** A section's score before and now; {@code change} written with its sign. */
    public record SectionChange(String title, Integer previous, Integer current, String change) {
    }

    /** What changed since the previous check of the same template. */
    public record Changes(int previousScore, String previousOn, int score, int scoreChange, int size,
                          List<SectionChange> sections, List<String> resolved, List<String> added) {
        public boolean better() {
            return scoreChange < 0;
        }

        public boolean worse() {
            return scoreChange > 0;
        }
    }

    /** One row of the trend's table (the chart's text alternative). */
    public record TrendRow(String submittedOn, int score, int maxScore, String riskLevel, boolean current) {
    }

    TemplateInstance start(boolean saved, ServiceProblem problem, boolean templateMissing, String unavailable) {
        ServiceProblem shown = problem;
        List<Offer> offers = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, Integer> maxScores = new HashMap<>();
        try {
            List<TemplateSummary> templates = api.templates();
            boolean quickOffered = templates.stream().anyMatch(t -> QUICK_CHECK.equals(t.id()));
            for (int i = 0; i < templates.size(); i++) {
                TemplateSummary summary = templates.get(i);
                titles.put(summary.id(), summary.title());
                String description = null;
                try {
                    DeskCheckApi.Template latest = api.latestTemplate(summary.id());
                    description = latest.description();
                    maxScores.put(summary.id(), maxScore(latest.method()));
                } catch (WebApplicationException | ProcessingException e) {
                    // the title alone still lets the person choose
                }
                boolean checked = quickOffered ? QUICK_CHECK.equals(summary.id()) : i == 0;
                offers.add(new Offer(summary.id(), summary.title(), description, checked && !templateMissing));
            }
        } catch (WebApplicationException | ProcessingException e) {
            shown = shown == null ? ServiceProblem.of(e, unavailable) : shown;
        }
        List<Mine> inProgress = new ArrayList<>();
        List<Mine> past = new ArrayList<>();
        try {
            for (Summary s : api.mine(0, 50).items()) {
                Mine mine = new Mine(s.id(), titles.getOrDefault(s.templateId(), s.templateId()), day(s.startedAt()),
                        day(s.submittedAt()), s.score(), maxScores.get(s.templateId()), s.riskLevel());
                if ("SUBMITTED".equals(s.status())) {
                    past.add(mine);
                } else {
                    inProgress.add(mine);
                }
            }
        } catch (WebApplicationException | ProcessingException e) {
            shown = shown == null ? ServiceProblem.of(e, unavailable) : shown;
        }
        return start.data("offers", offers)
                .data("inProgress", inProgress)
                .data("past", past)
                .data("saved", saved)
                .data("templateMissing", templateMissing)
                .data("problem", shown);
    }

    TemplateInstance result(Assessment assessment, DeskCheckApi.Template template) {
        Result r = assessment.result();
        List<Finding> findings = r.findings() == null ? List.of() : r.findings();
        boolean rosa = "ROSA".equals(template.method());
        List<TrendRow> trend = new ArrayList<>();
        List<TrendChart.Point> points = new ArrayList<>();
        boolean trendUnavailable = false;
        try {
            for (TrendPoint p : api.trend(assessment.templateId(), 0, 200).items()) {
                trend.add(new TrendRow(day(p.submittedAt()), p.score(), p.maxScore(), p.riskLevel(),
                        assessment.id().equals(p.assessmentId())));
                points.add(new TrendChart.Point(p.score(), p.maxScore()));
            }
        } catch (WebApplicationException | ProcessingException e) {
            trendUnavailable = true;
        }
        return result.data("id", assessment.id())
                .data("templateTitle", template.title())
                .data("templateDescription", template.description())
                .data("submittedOn", day(assessment.submittedAt()))
                .data("result", r)
                .data("rosa", rosa)
                .data("level", SafetySigns.fromResult(r))
                .data("adviceText", SafetySigns.adviceText(r))
                .data("findings", findings)
                // a clean result only when there is nothing at all to act on: never at the action level
                .data("nothingToFix", findings.isEmpty() && "LOW".equals(r.riskLevel()))
                .data("changes", changes(r, template))
                .data("trend", trend)
                .data("chart", TrendChart.draw(points))
                .data("trendUnavailable", trendUnavailable);
    }

    private Changes changes(Result r, DeskCheckApi.Template template) {
        Delta delta = r.delta();
        if (delta == null) {
            return null;
        }
        Map<String, String> explained = new HashMap<>();
        // resolved findings are named by code only; the previous result explains them
        try {
            Result previous = api.assessment(delta.previousAssessmentId()).getEntity().result();
            if (previous != null && previous.findings() != null) {
                previous.findings().forEach(f -> explained.put(f.code(), f.explanation()));
            }
        } catch (WebApplicationException | ProcessingException e) {
            // the codes are shown instead
        }
        if (r.findings() != null) {
            r.findings().forEach(f -> explained.put(f.code(), f.explanation()));
        }
        Map<String, String> sectionTitles = new HashMap<>();
        if (template.sections() != null) {
            template.sections().forEach(s -> sectionTitles.put(s.id(), s.title()));
        }
        List<SectionChange> sections = delta.sections() == null ? List.of() : delta.sections().stream()
                .map(s -> new SectionChange(sectionTitles.getOrDefault(s.section(), s.section()), s.previous(),
                        s.current(), signed(s.change())))
                .toList();
        List<String> resolved = delta.resolvedFindings() == null ? List.of() : delta.resolvedFindings().stream()
                .map(c -> explained.getOrDefault(c, c) == null ? c : explained.getOrDefault(c, c)).toList();
        List<String> added = delta.newFindings() == null ? List.of() : delta.newFindings().stream()
                .map(c -> explained.getOrDefault(c, c) == null ? c : explained.getOrDefault(c, c)).toList();
        return new Changes(delta.previousScore(), day(delta.previousSubmittedAt()), r.score(), delta.scoreChange(),
                Math.abs(delta.scoreChange()), sections, resolved, added);
    }

    static String signed(Integer change) {
        if (change == null) {
            return "–";
        }
        return change > 0 ? "+" + change : change < 0 ? "−" + Math.abs(change) : "0";
    }

    static int maxScore(String method) {
        return "ROSA".equals(method) ? 10 : 20;
    }

    private static String day(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
