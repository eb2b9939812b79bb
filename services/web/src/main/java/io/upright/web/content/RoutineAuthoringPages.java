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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routine for its editors: its versions and status, its newest version readable (exercises in order with their
 * titles, level, length, next routine), the changes its status allows; and the form that drafts a new routine from
 * the published exercises or edits one. Every change carries the ETag the page was read with.
 */
@Path("/content")
@Produces(MediaType.TEXT_HTML)
public class RoutineAuthoringPages {

    private static final Workflow.Kind KIND = Workflow.Kind.ROUTINES;

    @Inject
    ContentEditors editors;

    @Inject
    @RestClient
    ContentApi api;

    @Inject
    @Location("content/routine.html")
    Template itemPage;

    @Inject
    @Location("content/routine-form.html")
    Template formPage;

    @GET
    @Path("/routines/{id}")
    public Response item(@PathParam("id") String id, @RestQuery("done") String done) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        return item(id, 200, done, null, false, "");
    }

    @POST
    @Path("/routines/{id}/{action}")
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
    @Path("/new-routine")
    public Response newForm() {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        return form(200, RoutineForm.empty(), null, null, null, false, null);
    }

    @POST
    @Path("/new-routine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(MultivaluedMap<String, String> posted) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        RoutineForm form = RoutineForm.read(posted, null);
        try {
            api.draftRoutine(form.body());
            return ContentEditors.seeOther(path(form.id()) + "?done=drafted");
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = form.atRows(Drafts.existingAtId(editors.problem(e)));
            return form(problem.pageStatus(), form, null, null, null, false, problem);
        }
    }

    @GET
    @Path("/routines/{id}/edit")
    public Response editForm(@PathParam("id") String id) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        try {
            RestResponse<ContentApi.RoutineItem> read = api.routine(id);
            ContentApi.RoutineItem item = read.getEntity();
            if (!allowed(item).edit()) {
                return ContentEditors.seeOther(path(id));
            }
            RoutineForm form = RoutineForm.of(ItemView.latest(item.versions()).content());
            return form(200, form, id, item, read.getHeaderString(HttpHeaders.ETAG), false, null);
        } catch (WebApplicationException | ProcessingException e) {
            return item(id, 200, null, null, false, "");
        }
    }

    @POST
    @Path("/routines/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        RoutineForm form = RoutineForm.read(posted, id);
        String etag = posted.getFirst("etag");
        try {
            api.editRoutine(id, etag, form.body());
            return ContentEditors.seeOther(path(id) + "?done=saved");
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = form.atRows(editors.problem(e));
            if (problem.status() == 412) {
                // someone else saved in between: the current version with its ETag, and what was chosen kept
                return editing(409, id, form, null, null, true);
            }
            return editing(problem.pageStatus(), id, form, etag, problem, false);
        }
    }

    /** The edit form again with what was chosen; {@code etag} null: the one read now (after a 412). */
    private Response editing(int status, String id, RoutineForm form, String etag, ServiceProblem problem, boolean stale) {
        ContentApi.RoutineItem item = null;
        String shownEtag = etag;
        ServiceProblem shown = problem;
        try {
            RestResponse<ContentApi.RoutineItem> read = api.routine(id);
            item = read.getEntity();
            if (etag == null) {
                shownEtag = read.getHeaderString(HttpHeaders.ETAG);
            }
        } catch (WebApplicationException | ProcessingException e) {
            shown = shown == null ? editors.problem(e) : shown;
        }
        return form(status, form, id, item, shownEtag, stale, shown);
    }

    private Response form(int status, RoutineForm form, String editId, ContentApi.RoutineItem item, String etag, boolean stale,
                          ServiceProblem problem) {
        ContentMessages texts = editors.texts();
        List<ContentApi.Summary> exercises = List.of();
        List<ContentApi.Summary> routines = List.of();
        ServiceProblem shown = problem;
        try {
            exercises = ContentEditors.all(api, Workflow.Kind.EXERCISES);
            routines = ContentEditors.all(api, Workflow.Kind.ROUTINES);
        } catch (WebApplicationException | ProcessingException e) {
            shown = shown == null ? editors.problem(e) : shown;
            status = status == 200 ? shown.pageStatus() : status;
        }
        TemplateInstance page = formPage.data("form", form).data("editId", editId).data("item", item).data("etag", etag)
                .data("rows", form.rows(Library.published(exercises), texts.noExercise(), texts.notPublished()))
                .data("levels", form.levelOptions())
                .data("nexts", form.nextOptions(Library.published(routines), texts.noNextRoutine(), texts.notPublished()))
                .data("current", item == null ? null : ItemView.latest(item.versions()))
                .data("titles", titles(exercises))
                .data("stale", stale).data("problem", shown == null ? null : shown.labelled(editors.routineLabels()))
                .data("errors", shown == null ? Map.of() : shown.byField());
        return Response.status(status).entity(page).type("text/html;charset=UTF-8").build();
    }

    private Response item(String id, int status, String done, ServiceProblem problem, boolean stale, String reason) {
        TemplateInstance page = itemPage.data("id", id).data("done", done).data("stale", stale).data("reason", reason);
        try {
            RestResponse<ContentApi.RoutineItem> read = api.routine(id);
            ContentApi.RoutineItem item = read.getEntity();
            page.data("item", item).data("etag", read.getHeaderString(HttpHeaders.ETAG))
                    .data("latest", ItemView.latest(item.versions()))
                    .data("published", ItemView.publishedBehind(item.versions()).orElse(null))
                    .data("allowed", allowed(item))
                    .data("problem", problem == null ? null : problem.labelled(editors.routineLabels()));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem failed = editors.problem(e);
            page.data("item", null).data("problem", problem == null ? failed : problem);
            status = problem == null ? failed.pageStatus() : status;
        }
        Map<String, String> titles = Map.of();
        try {
            titles = titles(ContentEditors.all(api, Workflow.Kind.EXERCISES));
        } catch (WebApplicationException | ProcessingException e) {
            // the routine is still shown, its exercises by id
        }
        page.data("titles", titles).data("reasonError", problem == null ? null : problem.at("reason").orElse(null));
        return Response.status(status).entity(page).type("text/html;charset=UTF-8").build();
    }

    private static Map<String, String> titles(List<ContentApi.Summary> exercises) {
        Map<String, String> titles = new LinkedHashMap<>();
        exercises.forEach(e -> titles.put(e.id(), e.title()));
        return titles;
    }

    private static Workflow.Allowed allowed(ContentApi.RoutineItem item) {
        return Workflow.Allowed.of(item.status(), item.publishedVersion() != null);
    }

    static String path(String id) {
        return "/content/" + KIND.path() + "/" + id;
    }
}
