package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.StartingRoutines;
import io.upright.exercises.catalogue.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.upright.contracts.assessments.FindingCodes.BACKREST_SETUP;
import static io.upright.contracts.assessments.FindingCodes.CHAIR_ARMRESTS;
import static io.upright.contracts.assessments.FindingCodes.CHAIR_PAN_DEPTH;
import static io.upright.contracts.assessments.FindingCodes.CHAIR_SEAT_HEIGHT;
import static io.upright.contracts.assessments.FindingCodes.FEET_UNSUPPORTED;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.INFREQUENT_BREAKS;
import static io.upright.contracts.assessments.FindingCodes.KEYBOARD_POSTURE;
import static io.upright.contracts.assessments.FindingCodes.KNEES_NOT_AT_90;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_POSITION;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_TOO_LOW;
import static io.upright.contracts.assessments.FindingCodes.MOUSE_POSITION;
import static io.upright.contracts.assessments.FindingCodes.NON_ERGONOMIC_CHAIR;
import static io.upright.contracts.assessments.FindingCodes.NO_BACK_SUPPORT;
import static io.upright.contracts.assessments.FindingCodes.NO_LUMBAR_SUPPORT;
import static io.upright.contracts.assessments.FindingCodes.NO_STANDING_DESK;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static io.upright.contracts.assessments.FindingCodes.ROSA_ACT_NOW;
import static io.upright.contracts.assessments.FindingCodes.TELEPHONE_POSTURE;

/**
 * Picks a routine from the combined evidence of an employee's assessments and explains each finding in one
 * sentence (plus, for a workstation finding, the change to make at the desk).
 *
 * <p>Every finding code, whatever the method, maps to one routine ({@link #GUIDANCE}). When several findings
 * call for different routines, the body comes first: hip-flexor reset, then the desk-day lower-back routine,
 * then the walking break (sitting pattern, and ROSA's "act now"), then the seated desk mobility break (the
 * backrest does not hold the lower back), then the posture reset (chair, screen, phone, mouse and keyboard
 * set-up). With no findings the walking break keeps a good habit going. A clinical-review flag withholds every
 * routine. Unknown codes (from a newer assessment method) are ignored rather than failing.
 *
 * <p>Progression: when the routine recommended last time lies on the progression of the routine these findings
 * call for, the employee moves one step further along instead of repeating it; at the end of a progression
 * they stay on its last routine. A last routine from another progression, or none, starts afresh.
 *
 * <p>Safety: a routine containing an exercise whose contraindication code is among the person's precautions is
 * never recommended. The recommender steps back along the progression, then tries the routine's safe
 * alternatives ({@link #ALTERNATIVES}), then any other beginner routine without floor work or release
 * techniques; when nothing is safe it recommends no routine and says so.
 *
 * <p>Readiness ({@link Readiness}, in the evidence): a routine with vigorous exercise is never recommended until the
 * employee's readiness screen had every answer "no", and one with a self-release technique never until they
 * confirmed that technique. The progression then stays on its easier step ({@link Recommendation#heldBack()}) and
 * the message says what would allow the harder one.
 */
public final class Recommender {

    /**
     * Generic on purpose: the red flag may be night pain, a fall, a fever or numbness, and the symptom behind it
     * stays in the assessments service; naming one would be wrong for everyone else.
     */
    public static final String PAUSED_MESSAGE = "Exercises are paused for now: your answers raised something a "
            + "clinician should look at first. Please see a doctor or physiotherapist; once a clinician has cleared "
            + "you, tell Upright in your assessment page and your routine will be back.";

    public static final String NOTHING_SAFE_MESSAGE = "None of our routines suits the precautions in your answers, so "
            + "we are not suggesting one. Please ask a physiotherapist which exercises suit you; standing up and "
            + "walking a little between sitting bouts still helps.";

    /** Why a finding matters, which routine answers it, and the change to make at the desk (null: none). */
    record Guidance(String sentence, String routineId, String workstationAction) {
    }

    /** One entry per finding code, in the order reasons are shown. */
    static final Map<String, Guidance> GUIDANCE = new LinkedHashMap<>();

    static {
        GUIDANCE.put(RED_FLAG_SEEK_CLINICIAN, new Guidance("Something in your answers is a warning sign that a "
                + "clinician should look at before you start new exercises.", null, null));
        GUIDANCE.put(HIP_FLEXOR_TIGHTNESS_RISK, new Guidance("You sit a lot and feel discomfort when you get up and "
                + "walk, a typical sign that tight hip flexors are pulling on your lower back.",
                StartingRoutines.HIP_FLEXOR_RESET, null));
        GUIDANCE.put(LOW_BACK_DISCOMFORT, new Guidance("Your lower back or hips hurt while you sit, so gentle "
                + "mobility and strengthening for the back and hips come first.", StartingRoutines.DESK_DAY_LOWER_BACK, null));
        GUIDANCE.put(ROSA_ACT_NOW, new Guidance("Your workstation check scored in the range where changes should be "
                + "made now, so fix the set-up items below and break up your sitting with a short walk.",
                StartingRoutines.WALKING_BREAK, "Ask your employer for an individual workstation assessment soon, and "
                + "start with the changes listed for your chair, screen and desk."));
        GUIDANCE.put(PROLONGED_SITTING, new Guidance("You sit for long stretches, which keeps your hip flexors "
                + "shortened and your back muscles idle.", StartingRoutines.WALKING_BREAK, null));
        GUIDANCE.put(INFREQUENT_BREAKS, new Guidance("You rarely get up from your chair, so a short walking break is "
                + "the quickest change with the biggest effect.", StartingRoutines.WALKING_BREAK, null));
        GUIDANCE.put(NO_STANDING_DESK, new Guidance("Without a standing desk all your desk time is sitting time, so "
                + "moving during breaks matters even more.", StartingRoutines.WALKING_BREAK,
                "If your employer offers one, try a sit-stand desk and change position every half hour."));
        GUIDANCE.put(NO_LUMBAR_SUPPORT, new Guidance("Your chair does not hold the curve of your lower back, so the "
                + "back muscles tire and you slump as the day goes on.", StartingRoutines.DESK_MOBILITY_BREAK,
                "Set the lumbar support (or a small rolled towel) into the small of your back, at belt height."));
        GUIDANCE.put(BACKREST_SETUP, new Guidance("Your backrest cannot be set to support you, or your desk is so "
                + "high that your shoulders creep up towards your ears.", StartingRoutines.DESK_MOBILITY_BREAK,
                "Recline the backrest slightly (about 100 to 110 degrees) and lock it; if the desk is too high, raise "
                + "the chair and support your feet."));
        GUIDANCE.put(MONITOR_TOO_LOW, new Guidance("Your screen sits below eye level, so your neck bends forward all "
                + "day.", StartingRoutines.POSTURE_RESET, "Raise the screen so its top edge is at or just below eye level."));
        GUIDANCE.put(MONITOR_POSITION, new Guidance("Your screen is too low, too high, too far, off to one side or "
                + "glaring, so your neck twists or bends to read it.", StartingRoutines.POSTURE_RESET,
                "Put the screen straight in front of you, an arm's length away, top edge at eye level, side-on to windows."));
        GUIDANCE.put(TELEPHONE_POSTURE, new Guidance("You hold the phone between your ear and shoulder or reach far "
                + "for it, which strains the neck.", StartingRoutines.POSTURE_RESET,
                "Use a headset or speaker for calls and keep the phone within easy reach."));
        GUIDANCE.put(MOUSE_POSITION, new Guidance("Your mouse sits away from the keyboard, so your shoulder and wrist "
                + "reach all day.", StartingRoutines.POSTURE_RESET,
                "Move the mouse right next to the keyboard, level with it, with your forearm supported."));
        GUIDANCE.put(KEYBOARD_POSTURE, new Guidance("Your keyboard makes your wrists bend or your shoulders lift "
                + "while you type.", StartingRoutines.POSTURE_RESET,
                "Lay the keyboard flat, close to the desk edge, at elbow height so your wrists stay straight."));
        GUIDANCE.put(CHAIR_SEAT_HEIGHT, new Guidance("Your seat is too high or too low for your legs, which tilts "
                + "your pelvis and loads your lower back.", StartingRoutines.POSTURE_RESET,
                "Set the seat so your feet rest flat and your knees are about level with your hips; use a footrest if needed."));
        GUIDANCE.put(CHAIR_PAN_DEPTH, new Guidance("Your seat is too deep or too shallow, so you perch forward or "
                + "the edge presses behind your knees.", StartingRoutines.POSTURE_RESET,
                "Adjust the seat depth so about three fingers' width is left between the seat edge and the back of your knees."));
        GUIDANCE.put(CHAIR_ARMRESTS, new Guidance("Your armrests are too high, too low or too wide, so your shoulders "
                + "shrug or hang.", StartingRoutines.POSTURE_RESET,
                "Lower or raise the armrests to elbow height with relaxed shoulders, or take them off."));
        GUIDANCE.put(NO_BACK_SUPPORT, new Guidance("Your chair does not support your lower back, so you tend to "
                + "slump forward as the day goes on.", StartingRoutines.POSTURE_RESET,
                "Sit all the way back so the backrest touches your lower back; add a cushion if it does not."));
        GUIDANCE.put(FEET_UNSUPPORTED, new Guidance("Your feet do not rest flat on the floor, leaving your lower back "
                + "to hold your posture on its own.", StartingRoutines.POSTURE_RESET,
                "Lower the seat until your feet rest flat, or put a footrest or a box under them."));
        GUIDANCE.put(KNEES_NOT_AT_90, new Guidance("Your knees are not close to a right angle, which tilts your pelvis "
                + "and loads your lower back.", StartingRoutines.POSTURE_RESET,
                "Adjust the seat height until your knees are at about a right angle, level with your hips."));
        GUIDANCE.put(NON_ERGONOMIC_CHAIR, new Guidance("Your chair was not made for desk work, so you rarely sit in a "
                + "supported position.", StartingRoutines.POSTURE_RESET,
                "Ask for an adjustable office chair with lumbar support."));
    }

    /** When findings call for different routines, the first of these wins: the body before the desk. */
    static final List<String> ROUTINE_PRIORITY = List.of(StartingRoutines.HIP_FLEXOR_RESET,
            StartingRoutines.DESK_DAY_LOWER_BACK, StartingRoutines.WALKING_BREAK, StartingRoutines.DESK_MOBILITY_BREAK,
            StartingRoutines.POSTURE_RESET);

    /**
     * Safe alternatives per starting routine, in order, for when a precaution rules out one of its exercises:
     * something for the same purpose without the problem exercise (the seated desk mobility break instead of
     * the lower-back routine's back extension for the stenosis pattern, for instance).
     */
    static final Map<String, List<String>> ALTERNATIVES = Map.of(
            StartingRoutines.HIP_FLEXOR_RESET, List.of(StartingRoutines.DESK_MOBILITY_BREAK, StartingRoutines.WALKING_BREAK,
                    StartingRoutines.POSTURE_RESET),
            StartingRoutines.DESK_DAY_LOWER_BACK, List.of(StartingRoutines.DESK_MOBILITY_BREAK, StartingRoutines.WALKING_BREAK,
                    StartingRoutines.POSTURE_RESET),
            StartingRoutines.WALKING_BREAK, List.of("walking-warm-up", StartingRoutines.DESK_MOBILITY_BREAK,
                    StartingRoutines.POSTURE_RESET),
            StartingRoutines.DESK_MOBILITY_BREAK, List.of(StartingRoutines.POSTURE_RESET, StartingRoutines.WALKING_BREAK),
            StartingRoutines.POSTURE_RESET, List.of(StartingRoutines.DESK_MOBILITY_BREAK, "standing-desk-starter",
                    StartingRoutines.WALKING_BREAK));

    /** A reminder offers between two and four micro-breaks, so they vary without becoming a menu. */
    static final int MAX_MICRO_BREAKS = 4;

    /** Micro-breaks that get someone out of the chair; at least one is always offered when safe. */
    static final Set<String> GET_UP_BREAKS = Set.of("stand-up-and-reach", "short-walk-2-min", "stand-and-shift-break");

    private final Catalogue catalogue;

    public Recommender(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A recommendation for someone who has had none before and raised no precaution. */
    public Recommendation recommend(List<String> findingCodes, boolean clinicalReview) {
        return recommend(findingCodes, clinicalReview, null);
    }

    /** @param previousRoutineId the routine recommended last time (null when none was, or it was withheld) */
    public Recommendation recommend(List<String> findingCodes, boolean clinicalReview, String previousRoutineId) {
        return recommend(new Evidence(findingCodes, List.of(), clinicalReview), previousRoutineId);
    }

    public Recommendation recommend(Evidence evidence, String previousRoutineId) {
        return recommend(evidence, previousRoutineId, true);
    }

    /**
     * @param advance false keeps someone on the previous routine when it is on this progression instead of moving
     *                them one step further (a check by another method is no evidence they outgrew it)
     */
    public Recommendation recommend(Evidence evidence, String previousRoutineId, boolean advance) {
        return recommend(evidence, previousRoutineId, advance ? ProgressionPolicy.Step.ADVANCE : ProgressionPolicy.Step.STAY);
    }

    /**
     * @param step what the person's tolerance of the previous routine allows ({@link ProgressionPolicy}): one step
     *             further, stay, or one step back, when the previous routine is on this progression
     */
    public Recommendation recommend(Evidence evidence, String previousRoutineId, ProgressionPolicy.Step step) {
        List<String> codes = evidence.findingCodes();
        List<Recommendation.Reason> reasons = reasons(codes);
        if (evidence.clinicalReview()) {
            // a pause is a pause: no routine and no micro-breaks until a clinician has looked
            return new Recommendation(null, reasons, true, PAUSED_MESSAGE, List.of(), null);
        }
        Routine start = routine(routineFor(codes));
        Routine wanted = progressed(start, previousRoutineId, step);
        Readiness readiness = evidence.readiness();
        Predicate<Routine> allowed = r -> r.safeWith(evidence.precautions()) && readiness.allows(r);
        Routine chosen = allowed.test(wanted) ? wanted : safeAlternative(start, wanted, allowed);
        // a precaution swaps the routine ("instead of"); readiness alone holds the person on an easier step
        boolean contraindicated = !wanted.safeWith(evidence.precautions());
        Routine replaced = chosen == wanted || !contraindicated ? null : wanted;
        Routine heldBack = chosen == wanted || contraindicated ? null : wanted;
        List<Exercise> microBreaks = microBreaks(chosen, evidence.precautions());
        return new Recommendation(chosen, reasons, false, message(chosen, codes, replaced == null ? null : replaced.title(),
                heldBack, readiness), microBreaks, replaced, heldBack);
    }

    /**
     * One step past, at, or one step before the previous routine when it is on this routine's progression;
     * otherwise the routine itself.
     */
    private Routine progressed(Routine start, String previousRoutineId, ProgressionPolicy.Step step) {
        List<Routine> progression = catalogue.progression(start.id());
        int move = step == ProgressionPolicy.Step.ADVANCE ? 1 : step == ProgressionPolicy.Step.STEP_BACK ? -1 : 0;
        for (int i = 0; i < progression.size(); i++) {
            if (progression.get(i).id().equals(previousRoutineId)) {
                return progression.get(Math.max(0, Math.min(i + move, progression.size() - 1)));
            }
        }
        return start;
    }

    /**
     * The first safe routine: earlier steps of the same progression (easier versions of the same thing), then
     * the start routine's listed alternatives, then any beginner routine without floor work or release.
     */
    private Routine safeAlternative(Routine start, Routine wanted, Predicate<Routine> allowed) {
        List<Routine> candidates = new ArrayList<>();
        List<Routine> progression = catalogue.progression(start.id());
        int at = progression.indexOf(wanted);
        for (int i = at - 1; i >= 0; i--) {
            candidates.add(progression.get(i));
        }
        ALTERNATIVES.getOrDefault(start.id(), List.of()).forEach(id -> catalogue.routine(id).ifPresent(candidates::add));
        catalogue.routines().stream()
                .filter(r -> Vocabulary.LEVELS.get(0).equals(r.level()) && !r.floorOrEquipment() && !r.softTissueRelease()
                        && !r.vigorous())
                .sorted(Comparator.comparing(Routine::id))
                .forEach(candidates::add);
        return candidates.stream().filter(allowed).findFirst().orElse(null);
    }

    /**
     * Two to four desk-friendly micro-breaks the precautions allow: first the ones that get the person out of the
     * chair, then short stretches for the body areas the routine works, then any other; ties by length and id
     * so the choice is stable.
     */
    List<Exercise> microBreaks(Routine routine, List<String> precautions) {
        Set<String> areas = routine == null ? Set.of() : new HashSet<>(routine.bodyAreas());
        List<Exercise> safe = catalogue.exercises().stream()
                .filter(Exercise::microBreak).filter(e -> e.safeWith(precautions)).toList();
        Comparator<Exercise> order = Comparator
                .comparing((Exercise e) -> !GET_UP_BREAKS.contains(e.id()))
                .thenComparing(e -> -(int) e.bodyAreas().stream().filter(areas::contains).count())
                .thenComparing(Exercise::durationSeconds)
                .thenComparing(Exercise::id);
        List<Exercise> getUp = safe.stream().filter(e -> GET_UP_BREAKS.contains(e.id())).sorted(order).limit(2).toList();
        Set<Exercise> picked = new LinkedHashSet<>(getUp);
        safe.stream().filter(e -> !GET_UP_BREAKS.contains(e.id())).sorted(order)
                .limit(MAX_MICRO_BREAKS - picked.size()).forEach(picked::add);
        return List.copyOf(picked);
    }

    /** What the employee reads above the routine. */
    public static String message(Routine routine, List<String> findingCodes) {
        return message(routine, findingCodes, null);
    }

    /**
     * @param replacedTitle title of the routine the findings called for when a precaution ruled it out (null: none)
     */
    public static String message(Routine routine, List<String> findingCodes, String replacedTitle) {
        return message(routine, findingCodes, replacedTitle, null, Readiness.NONE);
    }

    /**
     * @param heldBack  the routine the progression reached but readiness does not allow yet (null: none)
     * @param readiness the employee's readiness now, to say what would allow it
     */
    public static String message(Routine routine, List<String> findingCodes, String replacedTitle, Routine heldBack,
                                 Readiness readiness) {
        String text = baseMessage(routine, findingCodes, replacedTitle);
        return heldBack == null || routine == null ? text : text + " " + heldBackNote(heldBack, readiness);
    }

    /** Why the harder step is not offered yet, and what would change that. */
    static String heldBackNote(Routine heldBack, Readiness readiness) {
        if (!readiness.allowsVigour(heldBack)) {
            return readiness.screenedWithYes()
                    ? "The next step, the " + heldBack.title() + " routine, is vigorous exercise. You answered yes to a "
                    + "readiness question, so please check with a doctor or physiotherapist before vigorous exercise; "
                    + "until then this routine is your step."
                    : "The next step, the " + heldBack.title() + " routine, is vigorous exercise: answer the readiness "
                    + "questions first, and if any answer is yes, check with a doctor or physiotherapist before "
                    + "vigorous exercise.";
        }
        return "The " + heldBack.title() + " routine includes a self-release technique: it is offered once you confirm "
                + "that a physiotherapist has shown it to you or that you have read its safety note.";
    }

    private static String baseMessage(Routine routine, List<String> findingCodes, String replacedTitle) {
        if (routine == null) {
            return NOTHING_SAFE_MESSAGE;
        }
        List<String> codes = findingCodes == null ? List.of() : findingCodes;
        boolean anyFinding = codes.stream().anyMatch(GUIDANCE::containsKey);
        boolean desk = codes.stream().anyMatch(c -> GUIDANCE.containsKey(c) && GUIDANCE.get(c).workstationAction() != null);
        String text;
        if (!Vocabulary.LEVELS.get(0).equals(routine.level())) {
            // only reached by progressing, so say why the routine is harder than last time
            text = "You have been doing the basics, so here is the next step: the " + routine.title()
                    + " routine (about " + routine.durationMinutes() + " minutes), once or twice a day.";
        } else if (anyFinding) {
            text = "Try the " + routine.title() + " routine (about " + routine.durationMinutes()
                    + " minutes) once or twice a day.";
        } else {
            return "Your assessment found nothing to fix. A " + routine.durationMinutes() + "-minute "
                    + routine.title().toLowerCase() + " now and then keeps it that way.";
        }
        if (replacedTitle != null) {
            text += " We chose it instead of the " + replacedTitle + " routine because one of that routine's exercises "
                    + "is not advisable with what you told us.";
        }
        if (desk) {
            text += " Start with the changes to your workstation listed below.";
        }
        return text;
    }

    /** The explanation sentences (and desk changes) for codes this recommender knows, in a fixed order. */
    public static List<Recommendation.Reason> reasons(List<String> findingCodes) {
        List<Recommendation.Reason> reasons = new ArrayList<>();
        List<String> codes = findingCodes == null ? List.of() : findingCodes;
        GUIDANCE.forEach((code, guidance) -> {
            if (codes.contains(code)) {
                reasons.add(new Recommendation.Reason(code, guidance.sentence(), guidance.workstationAction()));
            }
        });
        return reasons;
    }

    static String routineFor(List<String> codes) {
        Set<String> called = new HashSet<>();
        codes.stream().map(GUIDANCE::get).filter(g -> g != null && g.routineId() != null)
                .forEach(g -> called.add(g.routineId()));
        return ROUTINE_PRIORITY.stream().filter(called::contains).findFirst().orElse(StartingRoutines.WALKING_BREAK);
    }

    private Routine routine(String id) {
        return catalogue.routine(id).orElseThrow(() -> new IllegalStateException(
                "Catalogue " + catalogue.version() + " lacks routine " + id + " that the recommender relies on"));
    }
}
