package io.upright.web.home;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The exercises service's current recommendation for the signed-in person: only what the start page shows. */
@RegisterRestClient(configKey = "exercises")
@RegisterProvider(PersonsToken.class)
@Path("/api/me/recommendation")
public interface MyRoutine {

    record Routine(String id, String title, int durationMinutes) {
    }

    record Recommendation(boolean withheldForClinicalReview, String message, Routine routine) {
    }

    @GET
    Recommendation current();
}
