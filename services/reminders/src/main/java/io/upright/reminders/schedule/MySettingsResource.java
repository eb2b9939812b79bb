package io.upright.reminders.schedule;

import io.upright.platform.api.ETags;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.openapi.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/me/reminder-settings")
@Tag(name = "My reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.EMPLOYEE)
public class MySettingsResource {

    @Schema(name = "ReminderSettingsRequest")
    public record SettingsRequest(
            @Schema(example = "Europe/Berlin", description = "IANA time zone") String timeZone,
            @Schema(description = "Working hours per weekday (monday ... sunday, lower case); a day left out gets no reminders",
                    example = "{\"monday\": {\"start\": \"09:00\", \"end\": \"17:30\"}}") Map<String, Window> workingHours,
            @Schema(nullable = true, description = "No reminders in this local window, every day") Window lunch,
            @Schema(nullable = true, description = "More windows without reminders (at most 10), e.g. a daily stand-up") List<Window> quietWindows,
            @Schema(nullable = true, example = "45", description = "Within minBreakEveryMinutes..maxBreakEveryMinutes; null: the program's phase")
            Integer preferredBreakEveryMinutes,
            @Schema(nullable = true, example = "[\"END_OF_DAY\"]", description = "When the full routine comes: at most two of "
                    + "MORNING (30 min after my day starts), LUNCHTIME (noon), END_OF_DAY (30 min before it ends), inside my working "
                    + "hours; null or left out: END_OF_DAY; []: no routine reminders. Breaks in between suggest only micro-breaks")
            List<String> routineTimes,
            @Schema(nullable = true, example = "false", description = "Suggest a routine that needs the floor or equipment during "
                    + "working hours too; left out: false (it is named for home, or swapped for a micro-break)")
            Boolean floorExercisesAtWork) {
    }

    @Schema(name = "ReminderSettings")
    public record SettingsView(String timeZone, Map<String, Window> workingHours, Window lunch, List<Window> quietWindows,
                               Integer preferredBreakEveryMinutes,
                               @Schema(description = "Lowest preferred cadence allowed (the program's, or 5 without one)") int minBreakEveryMinutes,
                               @Schema(description = "Highest preferred cadence allowed (the program's, or 240 without one)") int maxBreakEveryMinutes,
                               @Schema(description = "The cadence in force now, after risk tightening and bounds") long breakEveryMinutes,
                               @Schema(nullable = true) Instant pausedUntil,
                               @Schema(example = "[\"END_OF_DAY\"]", description = "The routine times in force (END_OF_DAY until I choose)")
                               List<String> routineTimes,
                               @Schema(example = "false") boolean floorExercisesAtWork) {
        static SettingsView of(PersonalSettings.View v) {
            ReminderSettings s = v.settings();
            return new SettingsView(s.timeZone(), s.workingHours(), s.lunch(), s.quietWindows(), s.preferredBreakEveryMinutes(),
                    v.minBreakEveryMinutes(), v.maxBreakEveryMinutes(), v.breakEveryMinutes(), v.pausedUntil(),
                    s.routineTimesInForce().stream().map(Enum::name).toList(), s.floorExercisesAtWorkInForce());
        }
    }

    @Inject
    PersonalSettings settings;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "My reminder settings (defaults from my enrolment until I change them), with ETag")
    @APIResponse(responseCode = "200", description = "Settings", content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "404", description = "Not enrolled", ref = ProblemResponses.NOT_FOUND)
    public Response get() {
        return tagged(settings.get(user.tenant(), user.employeeId()));
    }

    @PUT
    @Operation(summary = "Replace my reminder settings; the waiting reminder is re-planned under them at once")
    @APIResponse(responseCode = "200", description = "Settings", content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "Not enrolled", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "412", description = "If-Match no longer matches", ref = ProblemResponses.PRECONDITION_FAILED)
    public Response put(@HeaderParam("If-Match") String ifMatch, @NotNull SettingsRequest request) {
        ReminderSettings wanted = new ReminderSettings(request.timeZone(), request.workingHours(), request.lunch(),
                request.quietWindows() == null ? List.of() : request.quietWindows(), request.preferredBreakEveryMinutes(),
                request.routineTimes(), request.floorExercisesAtWork());
        return tagged(settings.put(user.tenant(), user.employeeId(), wanted, ETags.ifMatch(ifMatch)));
    }

    private static Response tagged(PersonalSettings.View view) {
        return Response.ok(SettingsView.of(view)).tag(ETags.of(view.version())).build();
    }
}
