package io.upright.reminders.teams;

import io.upright.platform.domain.Rejection;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.reminder.Answers;
import io.upright.reminders.reminder.DueReminderRecord;
import io.upright.reminders.reminder.ReminderDecider;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the buttons of a Teams card lead (Action.OpenUrl opens a browser, so a GET): the signed link itself
 * authorises answering that reminder that way, no token needed. The answer is recorded once per reminder; a
 * reused link is acknowledged and changes nothing. HEAD only checks the link, so link checkers record nothing.
 */
@Path(AnswerLinkService.PATH + "{token}")
@Tag(name = "Teams")
@PermitAll
public class AnswerLinkResource {

    @Inject
    Clock clock;

    @Inject
    AnswerLinkService service;

    @Inject
    Answers answers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Answer a reminder from a Teams card link (done, snooze or skip; signed, expiring, no token)")
    @APIResponse(responseCode = "200", description = "Recorded (or already answered): a short confirmation page")
    @APIResponse(responseCode = "403", description = "Tampered or unknown link", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "410", description = "The link expired", ref = ProblemResponses.GONE)
    public Response answer(@PathParam("token") String token) {
        AnswerLinks.Answer answer = verified(token);
        Optional<DueReminderRecord> found = answers.byId(answer.reminderId());
        if (found.isEmpty()) {
            throw refused(); // e.g. the employee's data was erased
        }
        DueReminderRecord r = found.get();
        String text;
        try {
            if (AnswerLinks.DONE.equals(answer.action()) && answer.activity() == null) {
                answers.doneAsSuggested(r.tenantId, r.employeeId, r.id); // what it suggested: kept on the reminder
                text = "Nice one. Your break is recorded.";
            } else if (AnswerLinks.DONE.equals(answer.action())) {
                answers.answer(r.tenantId, r.employeeId, r.id, ReminderDecider.DONE, answer.activity(), answer.minutes());
                text = "Nice one. Your break is recorded.";
            } else if (AnswerLinks.SNOOZE.equals(answer.action())) {
                answers.snooze(r.tenantId, r.employeeId, r.id, null);
                text = "Snoozed. The reminder comes back in a few minutes.";
            } else {
                answers.skip(r.tenantId, r.employeeId, r.id);
                text = "Skipped. See you at the next break.";
            }
        } catch (Rejection e) {
            if (e.reason() != Rejection.Reason.CONFLICT) {
                throw e;
            }
            text = "This reminder was already answered.";
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            text = "This reminder was already answered.";
        }
        return Response.ok(page(text)).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }

    @HEAD
    public Response check(@PathParam("token") String token) {
        verified(token);
        return Response.ok().build();
    }

    private AnswerLinks.Answer verified(String token) {
        Optional<AnswerLinks.Answer> answer = service.links().verify(token, Instant.now(clock));
        if (answer.isPresent()) {
            return answer.get();
        }
        if (service.links().authentic(token)) {
            throw new ProblemException(410, "link-expired", "Link expired", "This answer link has expired", List.of());
        }
        throw refused();
    }

    private static ProblemException refused() {
        return new ProblemException(403, "link-invalid", "Invalid link", "This answer link is not valid", List.of());
    }

    private static String page(String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Upright</title></head>"
                + "<body style=\"font-family: sans-serif; margin: 3em\"><p>" + text + "</p><p>You can close this tab.</p></body></html>";
    }
}
