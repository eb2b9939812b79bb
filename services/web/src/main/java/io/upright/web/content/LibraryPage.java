package io.upright.web.content;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * The content library for its editors: every exercise and routine with its status, optionally one status only, the
 * versions in review marked as work waiting for a reviewer, and the way to draft a new one.
 */
@Path("/content")
@Produces(MediaType.TEXT_HTML)
public class LibraryPage {

    @Inject
    ContentEditors editors;

    @Inject
    @RestClient
    ContentApi api;

    @Inject
    @Location("content/library.html")
    Template page;

    @GET
    public Response library(@RestQuery("status") String status) {
        if (!editors.allowed()) {
            return editors.forbidden();
        }
        try {
            Library library = Library.of(ContentEditors.all(api, Workflow.Kind.EXERCISES),
                    ContentEditors.all(api, Workflow.Kind.ROUTINES), status);
            return Response.ok(page.data("library", library).data("statuses", Library.STATUSES).data("problem", null))
                    .type("text/html;charset=UTF-8").build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = editors.problem(e);
            return Response.status(problem.pageStatus())
                    .entity(page.data("library", Library.of(List.of(), List.of(), null)).data("statuses", Library.STATUSES)
                            .data("problem", problem))
                    .type("text/html;charset=UTF-8").build();
        }
    }
}
