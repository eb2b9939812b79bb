package io.upright.web.routine;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The exercises service's view of the signed-in person's routine and sessions, asked with their own token. */
@RegisterRestClient(configKey = "exercises")
@RegisterProvider(PersonsToken.class)
@Path("/api/me")
public interface MyRoutine {

    /** One exercise of the routine as the service sends it; the text is shown as written there. */
    record Exercise(String id, String title, String purpose, List<String> steps, int durationSeconds, Integer reps,
                    List<String> safetyNotes, List<String> contraindications, Illustration illustration) {

        public Exercise {
            steps = steps == null ? List.of() : steps;
            safetyNotes = safetyNotes == null ? List.of() : safetyNotes;
            contraindications = contraindications == null ? List.of() : contraindications;
        }

        /** Whole minutes and the remaining seconds, for "2 min 30 s". */
        public int minutesPart() {
            return durationSeconds / 60;
        }

        public int secondsPart() {
            return durationSeconds % 60;
        }
    }

    record Routine(String id, String title, String purpose, String level, int durationSeconds, int durationMinutes,
                   List<Exercise> exercises, boolean floorOrEquipment, boolean softTissueRelease) {

        public Routine {
            exercises = exercises == null ? List.of() : exercises;
        }
    }

    /** Why this routine: one finding of the person's check and, for the desk, what to change. */
    record Reason(String findingCode, String sentence, String workstationAction) {
    }

    /** The current recommendation; {@code routine} is null when withheld for clinical review or nothing is safe. */
    record Recommendation(String message, Routine routine, List<Reason> reasons, boolean withheldForClinicalReview,
                          boolean floorOrEquipment, boolean softTissueRelease) {

        public Recommendation {
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    /** What the person logs at the end of the player. */
    record NewSession(String routineId, Integer minutes, Integer feltRating, Integer discomfort) {
    }

    @GET
    @Path("/recommendation")
    Recommendation recommendation();

    @POST
    @Path("/exercise-sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    void log(NewSession session);
}
