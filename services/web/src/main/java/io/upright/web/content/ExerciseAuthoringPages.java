package io.upright.web.content;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/**
 * An exercise for its editors: its versions and status, its newest version readable in full, and the changes its
 * status allows (edit, submit for review, publish or send back with a reason, retire); and the form that drafts a new
 * exercise or edits one. Every change carries the ETag the page was read with.
 */
@Path("/content")
@Produces(MediaType.TEXT_HTML)
public class ExerciseAuthoringPages {

    private static final Workflow.Kind KIND = Workflow.Kind.EXERCISES;

    @Inject
    ContentEditors editors;

    @Inject
    @RestClient
    ContentApi api;

    @Inject
    @Location("content/exercise.html")
    Template itemPage;

    @Inject
    @Location("content/exercise-form.html")
    Template formPage;

    @GET
    @Path("/exercises/{id}")
    public Response item(@PathParam("id") String id, @RestQuery("done") String done) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        return item(id, 200, done, null, false, "");
    }

    @POST
    @Path("/exercises/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, @PathParam("action") String action,
                           @FormParam("etag") String etag, @FormParam("reason") String reason) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        Workflow.Action chosen = Workflow.Action.of(action).orElse(null);
        if (chosen == null) {
            return Response.status(404).build();
        }
        ItemChange change = ItemChange.make(api, editors, KIND, id, chosen, etag, reason);
        if (change.succeeded()) {
            return ContentEditors.seeOther(path(id) + "?done=" + change.done());
        }
        int status = change.stale() ? 409 : change.problem().pageStatus();
        return item(id, status, null, change.problem(), change.stale(), reason == null ? "" : reason);
    }

    @GET
    @Path("/new-exercise")
    public Response newForm() {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        return form(200, ExerciseForm.empty(), null, null, null, false, null);
    }

    @POST
    @Path("/new-exercise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(MultivaluedMap<String, String> posted) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        ExerciseForm form = ExerciseForm.read(posted, null);
        ExerciseForm.Parsed parsed = form.parse(editors.exerciseFormWords());
        if (parsed.body().isEmpty()) {
            return form(400, form, null, null, null, false, checkFields(parsed.errors()));
        }
        try {
            api.draftExercise(parsed.body().get());
            return ContentEditors.seeOther(path(form.id()) + "?done=drafted");
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ExerciseForm.atFields(Drafts.existingAtId(editors.problem(e)));
            return form(problem.pageStatus(), form, null, null, null, false, problem);
        }
    }

    @GET
    @Path("/exercises/{id}/edit")
    public Response editForm(@PathParam("id") String id) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        try {
            RestResponse<ContentApi.ExerciseItem> read = api.exercise(id);
            ContentApi.ExerciseItem item = read.getEntity();
            if (!allowed(item).edit()) {
                return ContentEditors.seeOther(path(id));
            }
            ContentApi.Exercise latest = ItemView.latest(item.versions()).content();
            return form(200, ExerciseForm.of(latest), id, item, read.getHeaderString(HttpHeaders.ETAG), false, null);
        } catch (WebApplicationException | ProcessingException e) {
            return item(id, 200, null, null, false, "");
        }
    }

    @POST
    @Path("/exercises/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        ExerciseForm form = ExerciseForm.read(posted, id);
        String etag = posted.getFirst("etag");
        ExerciseForm.Parsed parsed = form.parse(editors.exerciseFormWords());
        if (parsed.body().isEmpty()) {
            return editing(400, id, form, etag, checkFields(parsed.errors()), false);
        }
        try {
            api.editExercise(id, etag, parsed.body().get());
            return ContentEditors.seeOther(path(id) + "?done=saved");
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ExerciseForm.atFields(editors.problem(e));
            if (problem.status() == 412) {
                // someone else saved in between: the current version with its ETag, and what was typed kept
                return editing(409, id, form, null, null, true);
            }
            return editing(problem.pageStatus(), id, form, etag, problem, false);
        }
    }

    private ServiceProblem checkFields(List<ServiceProblem.FieldError> errors) {
        return new ServiceProblem(400, "", editors.texts().checkFields(), errors);
    }

    /** The edit form again with what was typed; {@code etag} null: the one read now (after a 412). */
    private Response editing(int status, String id, ExerciseForm form, String etag, ServiceProblem problem, boolean stale) {
        ContentApi.ExerciseItem item = null;
        String shownEtag = etag;
        ServiceProblem shown = problem;
        try {
            RestResponse<ContentApi.ExerciseItem> read = api.exercise(id);
            item = read.getEntity();
            if (etag == null) {
                shownEtag = read.getHeaderString(HttpHeaders.ETAG);
            }
        } catch (WebApplicationException | ProcessingException e) {
            shown = shown == null ? editors.problem(e) : shown;
        }
        return form(status, form, id, item, shownEtag, stale, shown);
    }

    private Response form(int status, ExerciseForm form, String editId, ContentApi.ExerciseItem item, String etag, boolean stale,
                          ServiceProblem problem) {
        TemplateInstance page = formPage.data("form", form).data("editId", editId).data("item", item).data("etag", etag)
                .data("current", item == null ? null : ItemView.latest(item.versions()))
                .data("figure", item == null ? "" : ItemView.figure(ItemView.latest(item.versions()).content(), "current"))
                .data("stale", stale).data("problem", problem == null ? null : problem.labelled(editors.exerciseLabels()))
                .data("errors", problem == null ? Map.of() : problem.byField());
        return Response.status(status).entity(page).type("text/html;charset=UTF-8").build();
    }

    private Response item(String id, int status, String done, ServiceProblem problem, boolean stale, String reason) {
        TemplateInstance page = itemPage.data("id", id).data("done", done).data("stale", stale).data("reason", reason);
        try {
            RestResponse<ContentApi.ExerciseItem> read = api.exercise(id);
            ContentApi.ExerciseItem item = read.getEntity();
            ContentApi.ExerciseVersion latest = ItemView.latest(item.versions());
            ContentApi.ExerciseVersion published = ItemView.publishedBehind(item.versions()).orElse(null);
            page.data("item", item).data("etag", read.getHeaderString(HttpHeaders.ETAG)).data("latest", latest)
                    .data("figure", ItemView.figure(latest.content(), "v" + latest.version()))
                    .data("published", published)
                    .data("publishedFigure", published == null ? "" : ItemView.figure(published.content(), "v" + published.version()))
                    .data("allowed", allowed(item))
                    .data("problem", problem == null ? null : problem.labelled(editors.exerciseLabels()));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem failed = editors.problem(e);
            page.data("item", null).data("problem", problem == null ? failed : problem);
            status = problem == null ? failed.pageStatus() : status;
        }
        page.data("reasonError", problem == null ? null : problem.at("reason").orElse(null));
        return Response.status(status).entity(page).type("text/html;charset=UTF-8").build();
    }

    private static Workflow.Allowed allowed(ContentApi.ExerciseItem item) {
        return Workflow.Allowed.of(item.status(), item.publishedVersion() != null);
    }

    static String path(String id) {
        return "/content/" + KIND.path() + "/" + id;
    }
}
