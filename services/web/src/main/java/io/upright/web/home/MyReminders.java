package io.upright.web.home;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** The signed-in person's reminders in the reminders service (newest slot first), for the next planned break. */
@RegisterRestClient(configKey = "reminders")
@RegisterProvider(PersonsToken.class)
@Path("/api/me/reminders")
public interface MyReminders {

    record Reminder(String id, Instant slot, String status, String kind, Instant snoozedUntil) {
    }

    record Page(List<Reminder> items, int page, int size, long total) {
    }

    @GET
    Page newest(@QueryParam("size") int size);
}
