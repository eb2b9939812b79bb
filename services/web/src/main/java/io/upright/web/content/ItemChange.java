package io.upright.web.content;

import io.upright.web.page.ServiceProblem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * One change of an item's status as the pages make it: the service is asked with the ETag the page was read with as
 * {@code If-Match}, so a change someone else made in between comes back as "stale" (412) rather than being undone.
 */
record ItemChange(String done, boolean stale, ServiceProblem problem) {

    static ItemChange make(ContentApi api, ContentEditors editors, Workflow.Kind kind, String id,
                           Workflow.Action action, String etag, String reason) {
        try {
            if (action == Workflow.Action.REJECT) {
                api.reject(kind.path(), id, etag, new ContentApi.Rejection(reason));
            } else {
                api.act(kind.path(), id, action.path(), etag);
            }
            return new ItemChange(action.done(), false, null);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = editors.problem(e);
            return new ItemChange(null, problem.status() == 412, problem.status() == 412 ? null : problem);
        }
    }

    boolean succeeded() {
        return done != null;
    }
}
