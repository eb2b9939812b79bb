package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.StartingRoutines;
import io.upright.exercises.catalogue.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.upright.contracts.assessments.FindingCodes.FEET_UNSUPPORTED;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.INFREQUENT_BREAKS;
import static io.upright.contracts.assessments.FindingCodes.KNEES_NOT_AT_90;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_TOO_LOW;
import static io.upright.contracts.assessments.FindingCodes.NON_ERGONOMIC_CHAIR;
import static io.upright.contracts.assessments.FindingCodes.NO_BACK_SUPPORT;
import static io.upright.contracts.assessments.FindingCodes.NO_STANDING_DESK;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;

/**
 * Picks a routine from an assessment's finding codes and explains each finding in one sentence.
 *
 * <p>Rules, first match wins: a clinical-review flag withholds every routine; hip-flexor tightness risk gets
 * the hip-flexor reset; lower-back discomfort gets the desk-day lower-back routine; sitting-pattern findings
 * (prolonged sitting, infrequent breaks, no standing desk) get the walking break; set-up findings (screen,
 * feet, knees, back support, chair) get the posture reset; with no findings the walking break keeps a good
 * habit going. Unknown codes (from a newer assessment method) are ignored rather than failing.
 *
 * <p>Progression: when the routine recommended last time lies on the progression of the routine these
 * findings call for (the rule's routine or one of its {@code next} successors), the employee moves one step
 * further along instead of repeating it; at the end of a progression they stay on its last routine. A last
 * routine from another progression, or none (first assessment, or withheld for clinical review), starts the
 * rule's routine afresh.
 */
public final class Recommender {

    public static final String PAUSED_MESSAGE = "Exercises are paused for now: your assessment mentioned numbness, "
            + "tingling or weakness in your legs. Please see a doctor or physical therapist first; once a clinician "
            + "has cleared you, take the assessment again to get a routine.";

    /** One sentence per finding code, in the order they are shown. */
    static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put(RED_FLAG_SEEK_CLINICIAN, "You reported a warning sign, such as numbness, tingling or weakness in "
                + "your legs, pain that spreads down a leg or pain at night, which a clinician should look at before you "
                + "start new exercises.");
        REASONS.put(HIP_FLEXOR_TIGHTNESS_RISK, "You sit a lot and feel discomfort when you get up and walk, a "
                + "typical sign that tight hip flexors are pulling on your lower back.");
        REASONS.put(LOW_BACK_DISCOMFORT, "Your lower back or hips hurt while you sit, so gentle mobility and "
                + "strengthening for the back and hips come first.");
        REASONS.put(PROLONGED_SITTING, "You sit for long stretches, which keeps your hip flexors shortened and "
                + "your back muscles idle.");
        REASONS.put(INFREQUENT_BREAKS, "You rarely get up from your chair, so a short walking break is the "
                + "quickest change with the biggest effect.");
        REASONS.put(NO_STANDING_DESK, "Without a standing desk all your desk time is sitting time, so moving "
                + "during breaks matters even more.");
        REASONS.put(MONITOR_TOO_LOW, "Your screen sits below eye level, so your neck bends forward all day.");
        REASONS.put(NO_BACK_SUPPORT, "Your chair does not support your lower back, so you tend to slump "
                + "forward as the day goes on.");
        REASONS.put(FEET_UNSUPPORTED, "Your feet do not rest flat on the floor, leaving your lower back to "
                + "hold your posture on its own.");
        REASONS.put(KNEES_NOT_AT_90, "Your knees are not close to a right angle, which tilts your pelvis and "
                + "loads your lower back.");
        REASONS.put(NON_ERGONOMIC_CHAIR, "Your chair was not made for desk work, so you rarely sit in a "
                + "supported position.");
    }

    private static final Set<String> SITTING_PATTERN = Set.of(PROLONGED_SITTING, INFREQUENT_BREAKS, NO_STANDING_DESK);
    private static final Set<String> SET_UP = Set.of(MONITOR_TOO_LOW, NO_BACK_SUPPORT, FEET_UNSUPPORTED,
            KNEES_NOT_AT_90, NON_ERGONOMIC_CHAIR);

    private final Catalogue catalogue;

    public Recommender(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A recommendation for someone who has had none before. */
    public Recommendation recommend(List<String> findingCodes, boolean clinicalReview) {
        return recommend(findingCodes, clinicalReview, null);
    }

    /**
     * @param previousRoutineId the routine recommended last time (null when none was, or it was withheld)
     */
    public Recommendation recommend(List<String> findingCodes, boolean clinicalReview, String previousRoutineId) {
        List<String> codes = findingCodes == null ? List.of() : findingCodes;
        List<Recommendation.Reason> reasons = reasons(codes);
        if (clinicalReview) {
            return new Recommendation(null, reasons, true, PAUSED_MESSAGE);
        }
        Routine routine = progressed(routine(routineFor(codes)), previousRoutineId);
        return new Recommendation(routine, reasons, false, message(routine, codes));
    }

    /** One step past the previous routine when it is on this routine's progression; otherwise the routine itself. */
    private Routine progressed(Routine start, String previousRoutineId) {
        List<Routine> progression = catalogue.progression(start.id());
        for (int i = 0; i < progression.size(); i++) {
            if (progression.get(i).id().equals(previousRoutineId)) {
                return progression.get(Math.min(i + 1, progression.size() - 1));
            }
        }
        return start;
    }

    /** What the employee reads above the routine: paused, a suggestion, or encouragement when all is well. */
    public static String message(Routine routine, List<String> findingCodes) {
        if (routine == null) {
            return PAUSED_MESSAGE;
        }
        boolean anyFinding = findingCodes != null && findingCodes.stream().anyMatch(REASONS::containsKey);
        if (!Vocabulary.LEVELS.get(0).equals(routine.level())) {
            // only reached by progressing, so say why the routine is harder than last time
            return "You have been doing the basics, so here is the next step: the " + routine.title()
                    + " routine (about " + routine.durationMinutes() + " minutes), once or twice a day.";
        }
        return anyFinding
                ? "Try the " + routine.title() + " routine (about " + routine.durationMinutes() + " minutes) once or twice a day."
                : "Your assessment found nothing to fix. A " + routine.durationMinutes() + "-minute "
                        + routine.title().toLowerCase() + " now and then keeps it that way.";
    }

    /** The explanation sentences for codes this recommender knows, in a fixed order. */
    public static List<Recommendation.Reason> reasons(List<String> findingCodes) {
        List<Recommendation.Reason> reasons = new ArrayList<>();
        REASONS.forEach((code, sentence) -> {
            if (findingCodes.contains(code)) {
                reasons.add(new Recommendation.Reason(code, sentence));
            }
        });
        return reasons;
    }

    static String routineFor(List<String> codes) {
        if (codes.contains(HIP_FLEXOR_TIGHTNESS_RISK)) {
            return StartingRoutines.HIP_FLEXOR_RESET;
        }
        if (codes.contains(LOW_BACK_DISCOMFORT)) {
            return StartingRoutines.DESK_DAY_LOWER_BACK;
        }
        if (codes.stream().anyMatch(SITTING_PATTERN::contains)) {
            return StartingRoutines.WALKING_BREAK;
        }
        if (codes.stream().anyMatch(SET_UP::contains)) {
            return StartingRoutines.POSTURE_RESET;
        }
        return StartingRoutines.WALKING_BREAK;
    }

    private Routine routine(String id) {
        return catalogue.routine(id).orElseThrow(() -> new IllegalStateException(
                "Catalogue " + catalogue.version() + " lacks routine " + id + " that the recommender relies on"));
    }
}
