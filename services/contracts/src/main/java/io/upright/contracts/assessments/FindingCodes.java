package io.upright.contracts.assessments;

import java.util.HashSet;
import java.util.Set;

/**
 * The stable codes of {@link AssessmentCompleted#findingCodes()} that consumers key on. The assessments service
 * defines what each finding means; other services only compare codes, so they use these constants rather than
 * their own string literals. A new code is added here first; a consumer ignores codes it does not know.
 */
public final class FindingCodes {

    public static final String MONITOR_TOO_LOW = "MONITOR_TOO_LOW";
    public static final String FEET_UNSUPPORTED = "FEET_UNSUPPORTED";
    public static final String KNEES_NOT_AT_90 = "KNEES_NOT_AT_90";
    public static final String NO_BACK_SUPPORT = "NO_BACK_SUPPORT";
    public static final String NON_ERGONOMIC_CHAIR = "NON_ERGONOMIC_CHAIR";
    public static final String PROLONGED_SITTING = "PROLONGED_SITTING";
    public static final String INFREQUENT_BREAKS = "INFREQUENT_BREAKS";
    public static final String HIP_FLEXOR_TIGHTNESS_RISK = "HIP_FLEXOR_TIGHTNESS_RISK";
    public static final String LOW_BACK_DISCOMFORT = "LOW_BACK_DISCOMFORT";
    public static final String NO_STANDING_DESK = "NO_STANDING_DESK";
    public static final String RED_FLAG_SEEK_CLINICIAN = "RED_FLAG_SEEK_CLINICIAN";

    // ROSA (method "ROSA"): one code per ROSA item that scored above neutral, plus the paper's action level.
    public static final String ROSA_ACT_NOW = "ROSA_ACT_NOW";
    public static final String CHAIR_SEAT_HEIGHT = "CHAIR_SEAT_HEIGHT";
    public static final String CHAIR_PAN_DEPTH = "CHAIR_PAN_DEPTH";
    public static final String CHAIR_ARMRESTS = "CHAIR_ARMRESTS";
    public static final String NO_LUMBAR_SUPPORT = "NO_LUMBAR_SUPPORT";
    public static final String MONITOR_POSITION = "MONITOR_POSITION";
    public static final String TELEPHONE_POSTURE = "TELEPHONE_POSTURE";
    public static final String MOUSE_POSITION = "MOUSE_POSITION";
    public static final String KEYBOARD_POSTURE = "KEYBOARD_POSTURE";
    /** ROSA's back-support "+1"s: a backrest that cannot be adjusted, or a work surface so high the shoulders shrug. */
    public static final String BACKREST_SETUP = "BACKREST_SETUP";

    /** Codes of the workstation-basics method. */
    public static final Set<String> WORKSTATION_BASICS = Set.of(
            MONITOR_TOO_LOW, FEET_UNSUPPORTED, KNEES_NOT_AT_90, NO_BACK_SUPPORT, NON_ERGONOMIC_CHAIR,
            PROLONGED_SITTING, INFREQUENT_BREAKS, HIP_FLEXOR_TIGHTNESS_RISK, LOW_BACK_DISCOMFORT, NO_STANDING_DESK,
            RED_FLAG_SEEK_CLINICIAN);

    /**
     * Codes only the ROSA method reports. A ROSA result also carries the shared {@link #PROLONGED_SITTING} (chair
     * over 4 h a day or over 1 h at a stretch) and {@link #RED_FLAG_SEEK_CLINICIAN}, which mean the same whatever
     * the method.
     */
    public static final Set<String> ROSA = Set.of(
            ROSA_ACT_NOW, CHAIR_SEAT_HEIGHT, CHAIR_PAN_DEPTH, CHAIR_ARMRESTS, NO_LUMBAR_SUPPORT, MONITOR_POSITION,
            TELEPHONE_POSTURE, MOUSE_POSITION, KEYBOARD_POSTURE, BACKREST_SETUP);

    /** Every published code, whatever the method. */
    public static final Set<String> ALL = union(WORKSTATION_BASICS, ROSA);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private FindingCodes() {
    }
}
