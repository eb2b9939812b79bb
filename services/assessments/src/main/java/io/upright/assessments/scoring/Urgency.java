package io.upright.assessments.scoring;

/**
 * How soon a clinician should see the employee, from the safety screen. It stays inside this service: events,
 * HR and admin views carry only {@code clinicalReview} (true for both paused levels), and only the employee's own
 * result shows the level and its advice. Declared from most to least urgent; the most urgent raised sign wins.
 */
public enum Urgency {

    /** Signs of pressure on the nerves at the base of the spine (cauda equina): same-day emergency care. */
    EMERGENCY(true,
            "Some of your answers (numbness around the groin, buttocks or inner thighs, new problems controlling your "
                    + "bladder or bowel or new sexual problems, symptoms in both legs, or leg weakness that is getting "
                    + "worse) can mean that nerves at the base of your spine are being squeezed. This is rare, but it "
                    + "needs to be checked today: please go to an emergency department or call your local emergency "
                    + "number now, and say what you noticed. Do not do any exercise routines until a doctor has seen "
                    + "you."),
    /** Signs that need a clinician's look (infection, cancer, fracture risk, nerve pain, night pain, trauma). */
    SEE_CLINICIAN_FIRST(true,
            "Some of your answers are warning signs that a clinician should look at before you exercise: for example "
                    + "pain that spreads below the knee, numbness or weakness in a leg, pain at night, a recent fall or "
                    + "injury, fever with back pain, weight loss you cannot explain, a history of cancer, a weakened "
                    + "immune system, or osteoporosis or long-term steroid use. Please see your doctor or a physical "
                    + "therapist soon and tell them what you noticed. Upright pauses exercise suggestions until you tell "
                    + "us a clinician has cleared you."),
    /** No warning sign: exercise as suggested (precautions may still leave some exercises out). */
    NONE(false, null);

    private final boolean clinicalReview;
    private final String advice;

    Urgency(boolean clinicalReview, String advice) {
        this.clinicalReview = clinicalReview;
        this.advice = advice;
    }

    /** True for both levels that pause exercise; the only trace of a raised sign that leaves this service. */
    public boolean clinicalReview() {
        return clinicalReview;
    }

    /** What the employee reads; null for {@link #NONE}. Shown to the employee only. */
    public String advice() {
        return advice;
    }
}
