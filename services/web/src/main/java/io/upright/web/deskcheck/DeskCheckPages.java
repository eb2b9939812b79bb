package io.upright.web.deskcheck;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.deskcheck.DeskCheckApi.Assessment;
import io.upright.web.deskcheck.DeskCheckApi.Question;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The desk check in the browser: the start page, the wizard section by section (safety first), the review with
 * Submit, and the result. Every answer lives in the assessments service; this page keeps nothing between requests
 * but the ETag it sends back with a section.
 */
@Path("/desk-check")
@Produces(MediaType.TEXT_HTML)
public class DeskCheckPages {

    @Inject
    @RestClient
    DeskCheckApi api;

    @Inject
    DeskCheckViews views;

    @Inject
    @Location("deskcheck/section.html")
    Template section;

    @Inject
    @Location("deskcheck/review.html")
    Template review;

    @Inject
    @Location("deskcheck/trouble.html")
    Template trouble;

    @Context
    HttpHeaders headers;

    /** An assessment as the wizard needs it: the ETag of what was read, and its template version as a walk. */
    record Loaded(Assessment assessment, String etag, Wizard wizard) {
        Map<String, Object> answers() {
            return assessment.answers() == null ? Map.of() : assessment.answers();
        }
    }

    @GET
    public TemplateInstance start(@RestQuery("saved") String saved) {
        return views.start(saved != null, null, false, unavailable());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response begin(@RestForm String templateId) {
        if (templateId == null || templateId.isBlank()) {
            ServiceProblem missing = new ServiceProblem(400, "", texts().chooseCheckError(),
                    List.of(new ServiceProblem.FieldError("templateId", texts().chooseCheckError())));
            return Response.status(400).entity(views.start(false, missing, true, unavailable())).build();
        }
        try {
            Assessment started = api.start(new DeskCheckApi.NewAssessment(templateId.strip()));
            return seeOther("/desk-check/" + started.id());
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, unavailable());
            return Response.status(problem.pageStatus()).entity(views.start(false, problem, false, unavailable())).build();
        }
    }

    /** Resume: the first section with an open question, or the review when every question is answered. */
    @GET
    @Path("/{id}")
    public Response resume(@PathParam("id") UUID id) {
        try {
            Loaded loaded = load(id);
            if (loaded.assessment().submitted()) {
                return seeOther(resultPath(id));
            }
            return seeOther(loaded.wizard().firstUnanswered(loaded.answers())
                    .map(s -> sectionPath(id, s)).orElse(reviewPath(id)));
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
    }

    @GET
    @Path("/{id}/sections/{section}")
    public Response showSection(@PathParam("id") UUID id, @PathParam("section") String sectionId) {
        try {
            Loaded loaded = load(id);
            if (loaded.assessment().submitted()) {
                return seeOther(resultPath(id));
            }
            if (loaded.wizard().section(sectionId).isEmpty()) {
                return seeOther("/desk-check/" + id);
            }
            return Response.ok(sectionPage(loaded, sectionId, AnswerForm.shown(loaded.answers()), Map.of(), null, false))
                    .build();
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
    }

    /**
     * Saves what this section's form holds (blank questions stay open), then moves on: "next" (also what Enter does,
     * the first button), "back", or "later" (to the start page, where the check can be resumed).
     */
    @POST
    @Path("/{id}/sections/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSection(@PathParam("id") UUID id, @PathParam("section") String sectionId,
                                MultivaluedMap<String, String> form) {
        Loaded loaded;
        try {
            loaded = load(id);
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
        if (loaded.assessment().submitted()) {
            return seeOther(resultPath(id));
        }
        Wizard wizard = loaded.wizard();
        if (wizard.section(sectionId).isEmpty()) {
            return seeOther("/desk-check/" + id);
        }
        List<Question> questions = wizard.questions(sectionId);
        Map<String, String> typed = AnswerForm.typed(questions, form::getFirst);
        Map<String, Object> answers = AnswerForm.answers(questions, form::getFirst);
        if (!answers.isEmpty()) {
            String version = form.getFirst("version");
            try {
                api.saveAnswers(id, version == null || version.isBlank() ? null : version, new DeskCheckApi.Answers(answers));
            } catch (WebApplicationException | ProcessingException e) {
                ServiceProblem problem = ServiceProblem.of(e, unavailable());
                if (problem.status() == 412 || problem.status() == 409) {
                    return changedElsewhere(id, sectionId, typed);
                }
                Map<String, String> shown = new LinkedHashMap<>(AnswerForm.shown(loaded.answers()));
                shown.putAll(typed);
                return Response.status(problem.pageStatus())
                        .entity(sectionPage(loaded, sectionId, shown, errorsByQuestion(problem),
                                withQuestionTexts(problem, questions), false))
                        .build();
            }
        }
        String action = form.getFirst("action");
        if ("back".equals(action)) {
            return seeOther(wizard.previous(sectionId).map(s -> sectionPath(id, s)).orElse(sectionPath(id, sectionId)));
        }
        if ("later".equals(action)) {
            return seeOther("/desk-check?saved=" + id);
        }
        return seeOther(wizard.next(sectionId).map(s -> sectionPath(id, s)).orElse(reviewPath(id)));
    }

    @GET
    @Path("/{id}/review")
    public Response showReview(@PathParam("id") UUID id) {
        try {
            Loaded loaded = load(id);
            if (loaded.assessment().submitted()) {
                return seeOther(resultPath(id));
            }
            return Response.ok(reviewPage(loaded)).build();
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
    }

    /** Submits; when answers are missing, the person lands on the first section holding one, errors at the questions. */
    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id) {
        try {
            api.submit(id);
            return seeOther(resultPath(id));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, unavailable());
            if (problem.status() == 409) {
                return seeOther(resultPath(id));
            }
            if (problem.status() != 400 || problem.fieldErrors().isEmpty()) {
                return troublePage(problem);
            }
            try {
                Loaded loaded = load(id);
                Map<String, String> errors = errorsByQuestion(problem);
                Wizard wizard = loaded.wizard();
                String target = wizard.firstSectionOf(errors.keySet()).orElse(wizard.sections().get(0).id());
                List<Question> questions = wizard.questions(target);
                Set<String> here = new HashSet<>();
                questions.forEach(q -> here.add(q.id()));
                errors.keySet().retainAll(here);
                ServiceProblem atThisSection = new ServiceProblem(400, problem.title(),
                        texts().submitIncomplete(problem.fieldErrors().size()),
                        problem.fieldErrors().stream().filter(f -> here.contains(questionId(f.field()))).toList());
                return Response.status(400).entity(sectionPage(loaded, target, AnswerForm.shown(loaded.answers()), errors,
                        withQuestionTexts(atThisSection, questions), false)).build();
            } catch (WebApplicationException | ProcessingException again) {
                return troublePage(again);
            }
        }
    }

    @GET
    @Path("/{id}/result")
    public Response result(@PathParam("id") UUID id) {
        try {
            Loaded loaded = load(id);
            if (!loaded.assessment().submitted()) {
                return seeOther(reviewPath(id));
            }
            return Response.ok(views.result(loaded.assessment(), loaded.wizard().template())).build();
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
    }

    // --- pages

    private TemplateInstance sectionPage(Loaded loaded, String sectionId, Map<String, String> values,
                                         Map<String, String> errors, ServiceProblem problem, boolean stale) {
        Wizard wizard = loaded.wizard();
        SafetySigns.Level advice = wizard.afterSafety(sectionId)
                ? SafetySigns.fromAnswers(loaded.answers()) : SafetySigns.Level.NONE;
        return section.data("id", loaded.assessment().id())
                .data("templateTitle", wizard.template().title())
                .data("section", wizard.section(sectionId).orElseThrow())
                .data("position", wizard.position(sectionId))
                .data("total", wizard.sections().size())
                .data("questions", wizard.views(sectionId, values, errors))
                .data("version", loaded.etag() == null ? "" : loaded.etag())
                .data("previous", wizard.previous(sectionId).orElse(null))
                .data("next", wizard.next(sectionId).orElse(null))
                .data("advice", advice)
                .data("problem", problem)
                .data("stale", stale);
    }

    /** One row of the review: a section and how many of its questions are answered. */
    public record SectionRow(String id, String title, int answered, int total) {
        public boolean complete() {
            return answered == total;
        }
    }

    private TemplateInstance reviewPage(Loaded loaded) {
        Wizard wizard = loaded.wizard();
        List<SectionRow> rows = wizard.sections().stream()
                .map(s -> new SectionRow(s.id(), s.title(), wizard.answered(s.id(), loaded.answers()),
                        wizard.questions(s.id()).size()))
                .toList();
        int answered = wizard.answered(loaded.answers());
        int total = wizard.total();
        return review.data("id", loaded.assessment().id())
                .data("templateTitle", wizard.template().title())
                .data("answered", answered)
                .data("total", total)
                .data("complete", answered >= total)
                .data("sections", rows)
                .data("lastSection", wizard.sections().get(wizard.sections().size() - 1).id())
                .data("advice", SafetySigns.fromAnswers(loaded.answers()));
    }

    /** Someone (another tab) changed the answers since this page was read: show what is saved now, with what was typed. */
    private Response changedElsewhere(UUID id, String sectionId, Map<String, String> typed) {
        try {
            Loaded fresh = load(id);
            if (fresh.assessment().submitted()) {
                return seeOther(resultPath(id));
            }
            Map<String, String> shown = new LinkedHashMap<>(AnswerForm.shown(fresh.answers()));
            shown.putAll(typed);
            return Response.status(409).entity(sectionPage(fresh, sectionId, shown, Map.of(), null, true)).build();
        } catch (WebApplicationException | ProcessingException e) {
            return troublePage(e);
        }
    }

    private Response troublePage(RuntimeException failure) {
        return troublePage(ServiceProblem.of(failure, unavailable()));
    }

    private Response troublePage(ServiceProblem problem) {
        return Response.status(problem.pageStatus())
                .entity(trouble.data("problem", problem).data("notFound", problem.notFound())).build();
    }

    // --- helpers

    private Loaded load(UUID id) {
        RestResponse<Assessment> read = api.assessment(id);
        Assessment assessment = read.getEntity();
        DeskCheckApi.Template template = api.template(assessment.templateId(), assessment.templateVersion());
        return new Loaded(assessment, read.getHeaderString(HttpHeaders.ETAG), Wizard.of(template));
    }

    /** The service names answers as {@code answers.<questionId>}; the page shows each at its question. */
    static Map<String, String> errorsByQuestion(ServiceProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.byField().forEach((field, message) -> errors.put(questionId(field), message));
        return errors;
    }

    private static String questionId(String field) {
        return field.startsWith("answers.") ? field.substring("answers.".length()) : field;
    }

    /** The summary at the top names each question, since "must be from 0 to 16" alone says little there. */
    static ServiceProblem withQuestionTexts(ServiceProblem problem, List<Question> questions) {
        if (problem == null) {
            return null;
        }
        List<ServiceProblem.FieldError> named = problem.fieldErrors().stream().map(f -> questions.stream()
                .filter(q -> q.id().equals(questionId(f.field()))).findFirst()
                .map(q -> new ServiceProblem.FieldError(f.field(), q.text() + " " + f.message()))
                .orElse(f)).toList();
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), named);
    }


    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String sectionPath(UUID id, String sectionId) {
        return "/desk-check/" + id + "/sections/" + sectionId;
    }

    private static String reviewPath(UUID id) {
        return "/desk-check/" + id + "/review";
    }

    private static String resultPath(UUID id) {
        return "/desk-check/" + id + "/result";
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }

    private DeskCheckMessages texts() {
        return PageLanguage.bundle(DeskCheckMessages.class, headers);
    }
}
