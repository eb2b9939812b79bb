package io.upright.web.settings;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The reminders service's settings and pause of the signed-in person, asked with their own token. */
@RegisterRestClient(configKey = "reminders")
@RegisterProvider(PersonsToken.class)
@Path("/api/me")
public interface MyReminderSettings {

    /** A local window {@code [start, end)} as {@code HH:mm}. */
    record Window(String start, String end) {
    }

    /** The settings as the service shows them. */
    record Settings(String timeZone, Map<String, Window> workingHours, Window lunch, List<Window> quietWindows,
                    Integer preferredBreakEveryMinutes, Integer minBreakEveryMinutes, Integer maxBreakEveryMinutes,
                    Long breakEveryMinutes, Instant pausedUntil, List<String> routineTimes,
                    Boolean floorExercisesAtWork) {
    }

    /** What a PUT replaces them with (a weekday left out of {@code workingHours} has no reminders). */
    record Change(String timeZone, Map<String, Window> workingHours, Window lunch, List<Window> quietWindows,
                  Integer preferredBreakEveryMinutes, List<String> routineTimes, boolean floorExercisesAtWork) {
    }

    /** {@code minutes} or {@code until: "tomorrow"}, never both. */
    record Pause(Integer minutes, String until) {
    }

    record Paused(Instant pausedUntil) {
    }

    /** The settings; the response carries the ETag a change must send back. */
    @GET
    @Path("/reminder-settings")
    Response settings();

    @PUT
    @Path("/reminder-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    Response change(@HeaderParam("If-Match") String ifMatch, Change change);

    @POST
    @Path("/reminders/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    Paused pause(Pause pause);

    @DELETE
    @Path("/reminders/pause")
    void resume();
}
