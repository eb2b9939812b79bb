package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Choice;
import io.upright.web.deskcheck.DeskCheckApi.Question;
import io.upright.web.deskcheck.DeskCheckApi.Section;
import io.upright.web.deskcheck.DeskCheckApi.Template;

import java.util.List;

/** Small templates shaped like the service's, for the tests. */
final class Templates {

    private Templates() {
    }

    static Question yesNo(String id, String section) {
        return new Question(id, section, "Question " + id + "?", "boolean", null, null, null, null, null, null);
    }

    static Question range(String id, String section, int min, int max, String unit) {
        return new Question(id, section, "How many " + id + "?", "integer-range", null, min, max, unit, null, null);
    }

    static Question choice(String id, String section, String... values) {
        return new Question(id, section, "Which " + id + "?", "single-choice",
                java.util.Arrays.stream(values).map(v -> new Choice(v, "Label " + v)).toList(), null, null, null, null, null);
    }

    /** Like workstation-basics v3: the safety and precautions sections come last in the file. */
    static Template workstationBasics() {
        return new Template("workstation-basics", 3, "Workstation basics", "A two-minute check.", "WORKSTATION_BASICS",
                List.of(new Section("setup", "Your desk set-up"), new Section("habits", "Your sitting habits"),
                        new Section("comfort", "How your body feels"), new Section("safety", "Safety check"),
                        new Section("precautions", "Precautions")),
                List.of(yesNo("feetFlatOnFloor", "setup"),
                        choice("chairType", "setup", "office-adjustable", "stool"),
                        range("hoursSittingPerDay", "habits", 0, 16, "hours"),
                        range("discomfortWhenSitting", "comfort", 0, 10, null),
                        yesNo("legNumbnessOrTingling", "safety"),
                        yesNo("saddleNumbness", "safety"),
                        yesNo("pregnant", "precautions")));
    }
}
