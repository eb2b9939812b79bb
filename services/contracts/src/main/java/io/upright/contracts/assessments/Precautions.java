package io.upright.contracts.assessments;

import java.util.Set;

/**
 * Conditions an employee's answers can raise that rule out particular exercises, as stable codes. Exercises list
 * the same codes as contraindications; the recommender never suggests an exercise whose code the person's latest
 * answers raised. Unlike a red flag these do not pause exercise altogether.
 */
public final class Precautions {

    /** Blood thinners or a bleeding disorder: no deep pressure on the abdomen or groin (self-release techniques). */
    public static final String ANTICOAGULANTS = "anticoagulants";
    /** Leg pain on walking that eases on sitting or bending forward: leave out lumbar extension. */
    public static final String STENOSIS_SYMPTOMS = "stenosis-symptoms";
    /** Surgery on the back, abdomen or hips in the last few months. */
    public static final String RECENT_SURGERY = "recent-surgery";
    /** Pregnancy: no lying face down, no deep abdominal pressure. */
    public static final String PREGNANCY = "pregnancy";
    /** Osteoporosis or long-term steroid use: no loaded end-range spinal flexion. */
    public static final String OSTEOPOROSIS = "osteoporosis";

    public static final Set<String> ALL = Set.of(ANTICOAGULANTS, STENOSIS_SYMPTOMS, RECENT_SURGERY, PREGNANCY,
            OSTEOPOROSIS);

    private Precautions() {
    }
}
