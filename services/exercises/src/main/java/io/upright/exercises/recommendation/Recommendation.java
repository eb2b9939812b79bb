package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Routine;

import java.util.List;

/**
 * What the recommender suggests for one assessment: a routine (null when withheld for clinical review), one
 * reason per recognised finding, and a message addressed to the employee.
 */
public record Recommendation(Routine routine, List<Reason> reasons, boolean withheldForClinicalReview, String message) {

    public record Reason(String findingCode, String sentence) {
    }
}
