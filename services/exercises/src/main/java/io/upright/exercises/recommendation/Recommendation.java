package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.Routine;

import java.util.List;

/**
 * What the recommender suggests: a routine (null when withheld for clinical review, or when no routine is safe
 * with the person's precautions), one reason per recognised finding, a message addressed to the employee, the
 * micro-breaks a break reminder can suggest, and the routine the findings called for when a contraindication
 * made it swap ({@code replaced}, null otherwise).
 */
public record Recommendation(Routine routine, List<Reason> reasons, boolean withheldForClinicalReview, String message,
                             List<Exercise> microBreaks, Routine replaced, Routine heldBack) {

    /**
     * {@code heldBack}: the routine the progression reached but the employee's readiness does not allow yet (vigorous
     * before an all-"no" readiness screen, or a release technique not confirmed); null otherwise.
     */
    public Recommendation(Routine routine, List<Reason> reasons, boolean withheldForClinicalReview, String message,
                          List<Exercise> microBreaks, Routine replaced) {
        this(routine, reasons, withheldForClinicalReview, message, microBreaks, replaced, null);
    }

    /**
     * Why a finding matters, in the employee's words, and for a workstation finding the change to make at the
     * desk ({@code workstationAction}, null for findings about the body or the sitting pattern).
     */
    public record Reason(String findingCode, String sentence, String workstationAction) {

        public Reason(String findingCode, String sentence) {
            this(findingCode, sentence, null);
        }
    }
}
