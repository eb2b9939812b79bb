package io.upright.assessments.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a workstation-basics assessment can find. Codes are stable: other services (exercises, insights)
 * key on them through {@link io.upright.contracts.assessments.FindingCodes}, which lists exactly these names
 * (FindingTest keeps the two equal). {@code points} feed the score; the explanation and action are what the
 * employee reads.
 */
public enum Finding {

    RED_FLAG_SEEK_CLINICIAN(0, "safety",
            "You reported a warning sign: numbness, tingling or weakness in your legs, pain that spreads down a leg, "
                    + "pain at night or at rest, or a recent fall or back injury. These can come from an irritated "
                    + "nerve, for example when the spinal canal in the lower back narrows, or from an injury, and they "
                    + "deserve a proper look.",
            "See your doctor or a physical therapist before you start the exercise routines, and tell them about "
                    + "the symptoms you reported."),
    MONITOR_TOO_LOW(2, "setup",
            "Your screen sits below eye level, so your head and upper back bend forward for hours and your body "
                    + "drifts into a slouch.",
            "Raise the screen until its top edge is about level with your eyes: a monitor arm, a laptop stand or "
                    + "a stack of books works, with a separate keyboard and mouse for a laptop."),
    FEET_UNSUPPORTED(1, "setup",
            "Your feet do not rest flat on the floor, so your lower back has to hold your posture without help "
                    + "from your legs.",
            "Lower the seat until both feet are flat on the floor, or put a footrest or a sturdy box under them."),
    KNEES_NOT_AT_90(1, "setup",
            "Your knees are not bent at about a right angle, which tilts your pelvis and loads your lower back.",
            "Adjust the seat height so your knees bend close to 90 degrees, level with or just below your hips."),
    NO_BACK_SUPPORT(2, "setup",
            "Your lower back is not supported while you sit, so it tires and you tend to slump forward.",
            "Sit all the way back in the chair and use its backrest; a small cushion or rolled towel behind the "
                    + "lower back helps if the chair has no lumbar support."),
    NON_ERGONOMIC_CHAIR(2, "setup",
            "You work on a chair that was not made for long desk work, so the seat height and back support rarely "
                    + "fit you.",
            "Ask your employer about an adjustable office chair; until then, add a cushion for the lower back and "
                    + "support under your feet."),
    PROLONGED_SITTING(3, "habits",
            "You sit for many hours or in long unbroken stretches. Sitting keeps the hip flexors (psoas and "
                    + "iliacus) in a shortened position and lets supporting muscles weaken.",
            "Break up sitting: stand or walk for a few minutes at least every 30 to 60 minutes, and take calls or "
                    + "short meetings on your feet."),
    INFREQUENT_BREAKS(2, "habits",
            "You get up only every two hours or less often, so your muscles stay in one position for long periods.",
            "Aim to stand up about every 30 minutes; let Upright remind you and answer Done when you move."),
    HIP_FLEXOR_TIGHTNESS_RISK(3, "comfort",
            "Long sitting together with discomfort when you walk or stand fits a common pattern: tight hip "
                    + "flexors pull on the pelvis and lower spine when you straighten up.",
            "Do a short hip-flexor routine most days (stretching and releasing the psoas and iliacus) and mention "
                    + "the pattern to a physical therapist if it persists."),
    LOW_BACK_DISCOMFORT(3, "comfort",
            "You report noticeable lower back or hip discomfort while sitting.",
            "Improve your set-up first, add gentle lower-back and hip strengthening and stretching, and see a "
                    + "clinician if the discomfort lasts or gets worse."),
    NO_STANDING_DESK(1, "setup",
            "You have no way to work standing, so all your desk time is sitting time.",
            "Ask about a sit-stand desk or a desk converter; a high counter for calls or reading is a good start.");

    /**
     * The template section a finding belongs to; points are summed per section for the re-assessment delta.
     * Safety findings carry no points.
     */
    public static final String SETUP = "setup";
    public static final String HABITS = "habits";
    public static final String COMFORT = "comfort";
    public static final String SAFETY = "safety";

    /** Sections whose points make up the score, in template order. */
    public static final java.util.List<String> SCORED_SECTIONS = java.util.List.of(SETUP, HABITS, COMFORT);

    private final int points;
    private final String section;
    private final String explanation;
    private final String action;

    Finding(int points, String section, String explanation, String action) {
        this.points = points;
        this.section = section;
        this.explanation = explanation;
        this.action = action;
    }

    public String code() {
        return name();
    }

    public int points() {
        return points;
    }

    public String section() {
        return section;
    }

    public String explanation() {
        return explanation;
    }

    public String action() {
        return action;
    }

    public static Optional<Finding> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
    }

    /** The largest score an assessment can reach: every finding at once. */
    public static int maxScore() {
        return Arrays.stream(values()).mapToInt(Finding::points).sum();
    }
}
