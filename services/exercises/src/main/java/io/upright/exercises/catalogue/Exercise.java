package io.upright.exercises.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collection;
import java.util.List;

/**
 * One exercise of the catalogue. {@code durationSeconds} is the time it takes (including every repetition), so
 * routine lengths can be summed; when a {@link Dose} is given (always, in the shipped catalogue) the length and
 * {@code reps} are computed from it and whatever was typed is ignored. {@code contraindications} say in words when
 * not to do it at all, {@code contraindicationCodes} say the same for the recommender as
 * {@link io.upright.contracts.assessments.Precautions} codes; {@code safetyNotes} say how to do it safely;
 * {@code source} names the seed-article section or guideline it rests on. {@code equipment} is empty when
 * nothing is needed ({@code equipment=none} in the filter).
 *
 * <p>{@code softTissueRelease} marks self-release techniques (deep pressure; a physiotherapist shows them first,
 * at most two or three times a week); {@code microBreak} marks a desk-friendly minute or two a break reminder
 * can suggest; {@code standalone} marks an exercise offered on its own rather than inside a routine;
 * {@code vigorous} marks vigorous activity (intervals, stairs) that is only recommended after the employee's
 * readiness screen (PAR-Q+ general health questions) came back all "no". {@code illustration} is the drawing of it
 * made for Upright (null for content authored before illustrations existed).
 */
public record Exercise(
        String id,
        String title,
        String purpose,
        List<String> steps,
        int durationSeconds,
        Integer reps,
        List<String> bodyAreas,
        String position,
        List<String> equipment,
        String intensity,
        List<String> contraindications,
        List<String> safetyNotes,
        boolean deskFriendly,
        List<MediaReference> media,
        String source,
        List<String> contraindicationCodes,
        Dose dose,
        boolean softTissueRelease,
        boolean microBreak,
        boolean standalone,
        boolean vigorous,
        Illustration illustration) {

    public Exercise {
        media = media == null ? List.of() : List.copyOf(media);
        contraindicationCodes = contraindicationCodes == null ? List.of() : List.copyOf(contraindicationCodes);
        if (dose != null) {
            durationSeconds = dose.totalSeconds();
            reps = dose.reps() > 1 ? dose.reps() : null;
        }
    }

    /** An exercise without the safety codes, dose and flags (content authored before they existed). */
    public Exercise(String id, String title, String purpose, List<String> steps, int durationSeconds, Integer reps,
                    List<String> bodyAreas, String position, List<String> equipment, String intensity,
                    List<String> contraindications, List<String> safetyNotes, boolean deskFriendly,
                    List<MediaReference> media, String source) {
        this(id, title, purpose, steps, durationSeconds, reps, bodyAreas, position, equipment, intensity,
                contraindications, safetyNotes, deskFriendly, media, source, List.of(), null, false, false, false, false, null);
    }

    /** An exercise without the {@code vigorous} flag (content authored before the readiness screen existed). */
    public Exercise(String id, String title, String purpose, List<String> steps, int durationSeconds, Integer reps,
                    List<String> bodyAreas, String position, List<String> equipment, String intensity,
                    List<String> contraindications, List<String> safetyNotes, boolean deskFriendly,
                    List<MediaReference> media, String source, List<String> contraindicationCodes, Dose dose,
                    boolean softTissueRelease, boolean microBreak, boolean standalone) {
        this(id, title, purpose, steps, durationSeconds, reps, bodyAreas, position, equipment, intensity,
                contraindications, safetyNotes, deskFriendly, media, source, contraindicationCodes, dose,
                softTissueRelease, microBreak, standalone, false, null);
    }

    /** An exercise without an illustration (content authored before illustrations existed). */
    public Exercise(String id, String title, String purpose, List<String> steps, int durationSeconds, Integer reps,
                    List<String> bodyAreas, String position, List<String> equipment, String intensity,
                    List<String> contraindications, List<String> safetyNotes, boolean deskFriendly,
                    List<MediaReference> media, String source, List<String> contraindicationCodes, Dose dose,
                    boolean softTissueRelease, boolean microBreak, boolean standalone, boolean vigorous) {
        this(id, title, purpose, steps, durationSeconds, reps, bodyAreas, position, equipment, intensity,
                contraindications, safetyNotes, deskFriendly, media, source, contraindicationCodes, dose,
                softTissueRelease, microBreak, standalone, vigorous, null);
    }

    /**
     * Needs the floor or kit an office does not have (a hip-release tool): not for working hours unless the
     * employee opted in. Computed, so it can never disagree with position and equipment.
     */
    @JsonProperty(value = "floorOrEquipment", access = JsonProperty.Access.READ_ONLY)
    public boolean floorOrEquipment() {
        return "floor".equals(position) || (equipment != null && equipment.contains("hip-release-tool"));
    }

    /** True when none of these precaution codes rules the exercise out. */
    public boolean safeWith(Collection<String> precautions) {
        return precautions == null || contraindicationCodes.stream().noneMatch(precautions::contains);
    }
}
