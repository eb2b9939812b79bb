package io.upright.reminders.reminder;

import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Path("/api/me/reminders")
@Tag(name = "My reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class MyRemindersResource {

    @Schema(name = "ReminderAnswer")
    public record AnswerRequest(
            @NotBlank @Schema(example = "done", enumeration = {"done", "skip", "snooze"}) String answer,
            @Schema(example = "walk", enumeration = {"stand", "walk", "stretch", "routine"},
                    description = "Required with done") String activity,
            @Min(ReminderDecider.MIN_ACTIVE_MINUTES) @Max(ReminderDecider.MAX_ACTIVE_MINUTES)
            @Schema(example = "3", description = "Required with done") Integer activeMinutes,
            @Min(1) @Max(MAX_SNOOZE_MINUTES)
            @Schema(example = "10", description = "Only with snooze; default 10 (upright.reminders.snooze-duration)") Integer snoozeMinutes) {
    }

    static final int MAX_SNOOZE_MINUTES = 120;

    @Schema(name = "ReminderSuggestion", description = "What a break suggests to me, and why. Only ever shown to me: "
            + "the reminder my employer's webhook, Slack or Teams channel received reads the same for everyone.")
    public record SuggestionView(
            @Schema(example = "micro-break", enumeration = {"micro-break", "routine", "routine-at-home", "walk", "exercises-paused", "stand", "team-break"},
                    description = "micro-break: a break's 1-2 minutes by the desk; routine: the full routine picked from my assessment "
                            + "(routine reminders only); routine-at-home: it needs the floor or equipment, so it is named for outside "
                            + "working hours with a micro-break for now; exercises-paused: withheld until a clinician has seen me, walk only") String type,
            @Schema(example = "Stand and stretch tall: a minute or two by your desk, then back to it. Little and often is what loosens sitting hips.") String message,
            @Schema(example = "hip-flexor-reset", nullable = true) String routineId,
            @Schema(example = "Hip-flexor reset", nullable = true) String routineTitle,
            @Schema(example = "1", nullable = true, description = "The routine's minutes, or the micro-break's") Integer durationMinutes,
            @Schema(example = "stand-and-stretch-tall", nullable = true, description = "The micro-break to do now") String exerciseId,
            @Schema(example = "Stand and stretch tall", nullable = true) String exerciseTitle,
            @Schema(example = "stretch", enumeration = {"routine", "walk", "stretch", "stand"}, description = "What one-click Done (Slack, Teams) records") String activity,
            @Schema(example = "1", description = "And for how many minutes") int activeMinutes,
            @Schema(nullable = true, description = "Present once the re-screen date a clinician's clearance set has come and I "
                    + "have not taken an assessment since: the ask to take the safety check again",
                    example = "It is time to take your back-safety check again: a clinician cleared you some weeks ago, and a fresh "
                            + "check keeps your exercises right for how you are now. It takes two minutes.") String rescreen) {
        static SuggestionView of(PersonalSuggestion s) {
            return s == null ? null : new SuggestionView(s.type(), s.message(), s.routineId(), s.routineTitle(), s.durationMinutes(),
                    s.exerciseId(), s.exerciseTitle(), s.activity(), s.activeMinutes(), s.rescreen());
        }
    }

    @Schema(name = "Reminder")
    public record ReminderView(UUID id, @Schema(example = "2026-11-25T09:30:00Z") Instant slot,
                               @Schema(example = "sent", enumeration = {"pending", "sending", "sent", "expired", "failed"}) String status,
                               @Schema(example = "done", nullable = true, enumeration = {"done", "skip", "snooze"},
                                       description = "snooze until Done or Skip replaces it") String answer,
                               @Schema(example = "walk", nullable = true) String activity,
                               @Schema(example = "3", nullable = true) Integer activeMinutes,
                               Instant sentAt, Instant answeredAt,
                               @Schema(example = "break", enumeration = {"break", "routine", "sit-stand", "team-break", "assessment-nudge", "sitting-check-in"}) String kind,
                               @Schema(nullable = true, description = "When a snoozed reminder comes back") Instant snoozedUntil,
                               @Schema(nullable = true, description = "The routine the reminder suggested to me") String routineId,
                               @Schema(nullable = true, description = "What it suggests to me, once sent (null before, and for a nudge)")
                               SuggestionView suggestion) {
        static ReminderView of(DueReminderRecord r, EmployeeNow now) {
            return new ReminderView(r.id, r.slot, r.status, r.answer, r.activity, r.activeMinutes, r.sentAt, r.answeredAt,
                    r.kind, r.snoozedUntil, r.routineId, SuggestionView.of(Answers.personal(r, now)));
        }
    }

    @Inject
    Answers answers;

    @Inject
    io.upright.reminders.schedule.PersonalSettings settings;

    @Schema(name = "ReminderPause")
    public record PauseRequest(
            @Min(1) @Max(1440) @Schema(example = "60", description = "Pause this many minutes; or send until") Integer minutes,
            @Schema(example = "tomorrow", enumeration = {"tomorrow"}, description = "Pause until my next local day begins") String until) {
    }

    @Schema(name = "ReminderPauseState")
    public record PauseView(Instant pausedUntil) {
    }

    @Inject
    CurrentUser user;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @Operation(summary = "My break reminders, newest slot first")
    public Page<ReminderView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        String tenant = user.tenant();
        UUID me = user.employeeId();
        EmployeeNow now = answers.now(tenant, me);
        return new Page<>(answers.mine(tenant, me, page, size).stream().map(r -> ReminderView.of(r, now)).toList(), page, size,
                answers.countMine(tenant, me));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my reminders with what it suggests to me (the routine, or why to keep to a walk): shown only to me")
    @APIResponse(responseCode = "200", description = "My reminder", content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "404", description = "No such reminder of yours", ref = ProblemResponses.NOT_FOUND)
    public ReminderView one(@PathParam("id") UUID id) {
        String tenant = user.tenant();
        UUID me = user.employeeId();
        return ReminderView.of(answers.mine(tenant, me, id), answers.now(tenant, me));
    }

    @POST
    @Path("/{id}/answer")
    @Operation(summary = "Answer a break reminder: done (BreakTaken), skip (BreakSkipped) or snooze (BreakSnoozed; delivered once more later)")
    @APIResponse(responseCode = "200", description = "Answer recorded", content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer, activity or activeMinutes", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such reminder of yours", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already answered, or never delivered", ref = ProblemResponses.CONFLICT)
    public Response answer(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull AnswerRequest request) {
        return idempotency.run(user.tenant(), user.subject(), "answer-reminder:" + id, idempotencyKey, request,
                () -> IdempotentRequests.Outcome.ok(ReminderView.of(record(id, request),
                        answers.now(user.tenant(), user.employeeId()))));
    }

    @POST
    @Path("/pause")
    @Operation(summary = "Pause my reminders for some minutes or until tomorrow (the waiting one is taken back)")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = PauseView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of minutes and until, or out of range", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "Not enrolled", ref = ProblemResponses.NOT_FOUND)
    public PauseView pause(@Valid @NotNull PauseRequest request) {
        if ((request.minutes() == null) == (request.until() == null)) {
            throw ProblemException.invalid("minutes", "send either minutes or until");
        }
        if (request.until() != null && !"tomorrow".equals(request.until())) {
            throw ProblemException.invalid("until", "must be \"tomorrow\"");
        }
        return new PauseView(settings.pause(user.tenant(), user.employeeId(), request.minutes()).pausedUntil());
    }

    @jakarta.ws.rs.DELETE
    @Path("/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume my reminders now")
    @APIResponse(responseCode = "204", description = "Resumed (also when nothing was paused)")
    @APIResponse(responseCode = "404", description = "Not enrolled", ref = ProblemResponses.NOT_FOUND)
    public Response resume() {
        settings.resume(user.tenant(), user.employeeId());
        return Response.noContent().build();
    }

    private DueReminderRecord record(UUID id, AnswerRequest request) {
        String tenant = user.tenant();
        UUID me = user.employeeId();
        if (Answers.SKIP.equals(request.answer())) {
            return answers.skip(tenant, me, id);
        }
        if (Answers.SNOOZE.equals(request.answer())) {
            return answers.snooze(tenant, me, id, request.snoozeMinutes() == null ? null : Duration.ofMinutes(request.snoozeMinutes()));
        }
        if (!ReminderDecider.DONE.equals(request.answer())) {
            throw ProblemException.invalid("answer", "must be one of done, skip, snooze");
        }
        return answers.answer(tenant, me, id, request.answer(), request.activity(), request.activeMinutes());
    }
}
