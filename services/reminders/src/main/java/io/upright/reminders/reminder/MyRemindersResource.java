package io.upright.reminders.reminder;

import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.problem.Problem;
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
            @NotBlank @Schema(example = "done", description = "Only \"done\" for now; snooze and skip come later") String answer,
            @NotBlank @Schema(example = "walk", enumeration = {"stand", "walk", "stretch", "routine"}) String activity,
            @NotNull @Min(ReminderDecider.MIN_ACTIVE_MINUTES) @Max(ReminderDecider.MAX_ACTIVE_MINUTES)
            @Schema(example = "3") Integer activeMinutes) {
    }

    @Schema(name = "Reminder")
    public record ReminderView(UUID id, @Schema(example = "2026-11-25T09:30:00Z") Instant slot,
                               @Schema(example = "sent", enumeration = {"pending", "sending", "sent", "expired", "failed"}) String status,
                               @Schema(example = "done", nullable = true, enumeration = {"done", "skip"}) String answer,
                               @Schema(example = "walk", nullable = true) String activity,
                               @Schema(example = "3", nullable = true) Integer activeMinutes,
                               Instant sentAt, Instant answeredAt) {
        static ReminderView of(DueReminderRecord r) {
            return new ReminderView(r.id, r.slot, r.status, r.answer, r.activity, r.activeMinutes, r.sentAt, r.answeredAt);
        }
    }

    @Inject
    Answers answers;

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
        return new Page<>(answers.mine(tenant, me, page, size).stream().map(ReminderView::of).toList(), page, size,
                answers.countMine(tenant, me));
    }

    @POST
    @Path("/{id}/answer")
    @Operation(summary = "Answer a break reminder: I took the break (records BreakTaken)")
    @APIResponse(responseCode = "200", description = "Answer recorded", content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer, activity or activeMinutes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such reminder of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered, or never delivered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response answer(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull AnswerRequest request) {
        return idempotency.run(user.tenant(), user.subject(), "answer-reminder:" + id, idempotencyKey, request,
                () -> IdempotentRequests.Outcome.ok(ReminderView.of(answers.answer(user.tenant(), user.employeeId(), id,
                        request.answer(), request.activity(), request.activeMinutes()))));
    }
}
