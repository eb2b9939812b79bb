package io.upright.web.home;

import io.upright.web.signin.PersonsToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;

/** The reminders service's view of the signed-in person's breaks, asked with their own token. */
@RegisterRestClient(configKey = "reminders")
@RegisterProvider(PersonsToken.class)
@Path("/api/me/break-stats")
public interface MyBreaks {

    /** One local day: active minutes and breaks taken. */
    record Day(LocalDate date, int activeMinutes, int taken, Boolean targetMet) {
    }

    /** The last seven local days. */
    record Week(LocalDate from, LocalDate to, String timeZone, int taken, int snoozed, int skipped, int expired,
                Integer dailyActiveMinutesTarget, List<Day> days) {

        public int activeMinutes() {
            return days == null ? 0 : days.stream().mapToInt(Day::activeMinutes).sum();
        }
    }

    @GET
    Week lastSevenDays();
}
