package io.upright.assessments;

import java.util.HashMap;
import java.util.Map;

/** Answer sets shared by the tests. */
public final class AnswerSets {

    private AnswerSets() {
    }

    /** A complete, valid workstation-basics answer set describing a well set-up, active employee (no findings). */
    public static Map<String, Object> healthy() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("feetFlatOnFloor", true);
        answers.put("kneesNear90Degrees", true);
        answers.put("backSupported", true);
        answers.put("screenAtEyeLevel", true);
        answers.put("chairType", "office-adjustable");
        answers.put("standingDeskAvailable", true);
        answers.put("hoursSittingPerDay", 4);
        answers.put("longestSittingBoutMinutes", 30);
        answers.put("standUpFrequency", "every-30-min");
        answers.put("discomfortWhenSitting", 0);
        answers.put("discomfortWhenWalkingOrStanding", 0);
        answers.put("legNumbnessOrTingling", false);
        return answers;
    }
}
