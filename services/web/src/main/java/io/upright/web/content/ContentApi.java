package io.upright.web.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.List;

/**
 * The exercises service's authoring API (services/exercises/README.md, "Content library"), asked with the editor's
 * own token: exercises decides who may read drafts and change the library. Every read and change answers with the
 * item's ETag, sent back as {@code If-Match} so a change made by someone else in between is a 412, not overwritten.
 */
@RegisterRestClient(configKey = "exercises")
@RegisterProvider(PersonsToken.class)
@Path("/api/content")
public interface ContentApi {

    /** The largest page the service gives. */
    int MAX_PAGE = 200;

    /** One item in the editors' overview: its status is "retired", else its newest version's. */
    record Summary(String id, String title, String status, int latestVersion, Integer publishedVersion) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    record Dose(int setupSeconds, int sets, int sides, int reps, int secondsPerRep, int restSeconds) {
    }

    record Media(String kind, String uri, String description) {
    }

    /**
     * An exercise as the API takes and gives it, every field of it: the edit form sends all of them back, so saving
     * loses nothing. The drawing stays JSON (the service checks its shape); {@code floorOrEquipment} is computed there.
     */
    record Exercise(String id, String title, String purpose, List<String> steps, int durationSeconds, Integer reps,
                    List<String> bodyAreas, String position, List<String> equipment, String intensity,
                    List<String> contraindications, List<String> safetyNotes, boolean deskFriendly, List<Media> media,
                    String source, List<String> contraindicationCodes, Dose dose, boolean softTissueRelease,
                    boolean microBreak, boolean standalone, boolean vigorous, JsonNode illustration) {

        public Exercise {
            steps = steps == null ? List.of() : steps;
            bodyAreas = bodyAreas == null ? List.of() : bodyAreas;
            equipment = equipment == null ? List.of() : equipment;
            contraindications = contraindications == null ? List.of() : contraindications;
            safetyNotes = safetyNotes == null ? List.of() : safetyNotes;
            media = media == null ? List.of() : media;
            contraindicationCodes = contraindicationCodes == null ? List.of() : contraindicationCodes;
        }

        /** The drawing's text alternative; null without a drawing. */
        public String drawingAlt() {
            return illustration == null || !illustration.hasNonNull("alt") ? null : illustration.get("alt").asText();
        }
    }

    /** What every version of an item says about itself. */
    interface Version {
        int version();

        String status();
    }

    record ExerciseVersion(int version, String status, String changedBy, Instant changedAt, String note,
                           Exercise content) implements Version {
    }

    record ExerciseItem(String id, String status, int latestVersion, Integer publishedVersion,
                        List<ExerciseVersion> versions) {

        public ExerciseItem {
            versions = versions == null ? List.of() : versions;
        }
    }

    record Routine(String id, String title, String purpose, String level, String next, List<String> exerciseIds) {

        public Routine {
            exerciseIds = exerciseIds == null ? List.of() : exerciseIds;
        }
    }

    /** {@code durationSeconds} is null while some of its exercises are not published. */
    record RoutineVersion(int version, String status, String changedBy, Instant changedAt, String note,
                          Integer durationSeconds, Routine content) implements Version {
    }

    record RoutineItem(String id, String status, int latestVersion, Integer publishedVersion,
                       List<RoutineVersion> versions) {

        public RoutineItem {
            versions = versions == null ? List.of() : versions;
        }
    }

    record Rejection(String reason) {
    }

    /** {@code kind}: {@code exercises} or {@code routines}; every item of that kind, ordered by id. */
    @GET
    @Path("/{kind}")
    Page<Summary> list(@PathParam("kind") String kind, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/exercises/{id}")
    RestResponse<ExerciseItem> exercise(@PathParam("id") String id);

    @POST
    @Path("/exercises")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<ExerciseItem> draftExercise(Exercise exercise);

    @PUT
    @Path("/exercises/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<ExerciseItem> editExercise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                            Exercise exercise);

    @GET
    @Path("/routines/{id}")
    RestResponse<RoutineItem> routine(@PathParam("id") String id);

    @POST
    @Path("/routines")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<RoutineItem> draftRoutine(Routine routine);

    @PUT
    @Path("/routines/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<RoutineItem> editRoutine(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                          Routine routine);

    /** Submit, publish or retire ({@code action}: {@code submit}, {@code publish}, {@code retire}); the item's answer is not needed. */
    @POST
    @Path("/{kind}/{id}/{action}")
    void act(@PathParam("kind") String kind, @PathParam("id") String id, @PathParam("action") String action,
             @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/{kind}/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    void reject(@PathParam("kind") String kind, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                Rejection rejection);
}
