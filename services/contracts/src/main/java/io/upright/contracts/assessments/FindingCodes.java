package io.upright.contracts.assessments;

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

    public static final Set<String> ALL = Set.of(
            MONITOR_TOO_LOW, FEET_UNSUPPORTED, KNEES_NOT_AT_90, NO_BACK_SUPPORT, NON_ERGONOMIC_CHAIR,
            PROLONGED_SITTING, INFREQUENT_BREAKS, HIP_FLEXOR_TIGHTNESS_RISK, LOW_BACK_DISCOMFORT, NO_STANDING_DESK,
            RED_FLAG_SEEK_CLINICIAN);

    private FindingCodes() {
    }
}
