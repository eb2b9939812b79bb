package io.upright.assessments.sitting;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Version {@value #VERSION} of the occupational sitting self-report: the questions of the Occupational Sitting and
 * Physical Activity Questionnaire (OSPAQ; Chau et al. 2012) in Upright's own words, the rules an answer must keep,
 * and the minutes per workday derived from it. Pure: the definition is data, validation and derivation are functions.
 */
public final class Ospaq {

    public static final String VERSION = "ospaq.v1";
    public static final String TITLE = "Sitting at work";
    public static final String WHY = "So your program can show whether people sit less: you answer at the start, at "
            + "each 4-week check-in and at the end, and Upright compares your sitting time per workday with your start.";
    public static final String CITATION = "Chau JY, van der Ploeg HP, Dunn S, Kurko J, Bauman AE. Validity of the "
            + "occupational sitting and physical activity questionnaire. Med Sci Sports Exerc 2012;44(1):118-125.";
    public static final String EVIDENCE = "Test-retest reliability ICC 0.73-0.90; validity against accelerometers "
            + "r = 0.65 for sitting. Questions in Upright's own words; self-reports suit comparing a person with "
            + "themselves and groups over time better than measuring exact minutes.";
    public static final String SHARES_RULE = "The four shares add up to 100.";

    public static final String HOURS_WORKED = "hoursWorked";
    public static final String DAYS_WORKED = "daysWorked";
    public static final String SITTING = "sittingPercent";
    public static final String STANDING = "standingPercent";
    public static final String WALKING = "walkingPercent";
    public static final String HEAVY_LABOUR = "heavyLabourPercent";
    /** The four shares of work time, in the order they are asked. */
    public static final List<String> SHARES = List.of(SITTING, STANDING, WALKING, HEAVY_LABOUR);

    public static final int MAX_HOURS = 100;
    public static final int MAX_DAYS = 7;
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    /**
     * One question as served. {@code decimals} is how many decimal places an answer may have (0: whole numbers).
     */
    public record Question(String id, String text, String answerType, int min, int max, int decimals, String unit,
                           String help) {
    }

    /** Days first, then hours, as the OSPAQ asks them; then the shares of a typical workday. */
    public static final List<Question> QUESTIONS = List.of(
            new Question(DAYS_WORKED, "In the last 7 days, on how many days did you work?", "integer-range", 0,
                    MAX_DAYS, 0, "days", "Count every day with paid work, at the workplace or at home. "
                    + "Enter 0 if you did not work; then the shares below can be left out."),
            new Question(HOURS_WORKED, "In the last 7 days, how many hours did you work in total?", "number-range",
                    0, MAX_HOURS, 1, "hours", "All those days together; one decimal is fine, e.g. 37.5. "
                    + "At most 24 hours for each day worked."),
            new Question(SITTING, "On a typical workday in the last 7 days, what share of your working time did you "
                    + "spend sitting?", "integer-range", 0, 100, 0, "percent",
                    "At a desk, in meetings, on calls, driving for work. " + SHARES_RULE),
            new Question(STANDING, "… and standing?", "integer-range", 0, 100, 0, "percent",
                    "Including standing at a standing desk or a counter. " + SHARES_RULE),
            new Question(WALKING, "… and walking?", "integer-range", 0, 100, 0, "percent",
                    "Moving around at work, between rooms or sites. " + SHARES_RULE),
            new Question(HEAVY_LABOUR, "… and doing heavy physical work?", "integer-range", 0, 100, 0, "percent",
                    "Lifting, carrying, digging and similar tiring tasks. Most office work has none. " + SHARES_RULE));

    /** What the employee sent, before any rule is checked; any field may be missing (null). */
    public record Input(BigDecimal hoursWorked, BigDecimal daysWorked, BigDecimal sittingPercent,
                        BigDecimal standingPercent, BigDecimal walkingPercent, BigDecimal heavyLabourPercent) {
    }

    /**
     * A valid answer. {@code hoursWorked} has exactly one decimal place. The shares are null only when there was no
     * workday and the employee left them out.
     */
    public record Answers(BigDecimal hoursWorked, int daysWorked, Integer sittingPercent, Integer standingPercent,
                          Integer walkingPercent, Integer heavyLabourPercent) {

        public boolean hasWorkday() {
            return daysWorked > 0;
        }
    }

    /** Minutes of one average workday, each rounded on its own from the exact value (see {@link #perWorkday}). */
    public record WorkdayMinutes(int minutesWorkedPerWorkday, int sittingMinutes, int standingMinutes,
                                 int walkingMinutes, int heavyLabourMinutes) {
    }

    private Ospaq() {
    }

    /** Checks every rule and reports every broken one at once, each naming its field. */
    public static Answers validate(Input in) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal hours = number(in.hoursWorked(), HOURS_WORKED, MAX_HOURS, 1, errors);
        BigDecimal days = number(in.daysWorked(), DAYS_WORKED, MAX_DAYS, 0, errors);
        if (hours != null && days != null) {
            boolean noDays = days.signum() == 0;
            boolean noHours = hours.signum() == 0;
            if (noDays && !noHours) {
                errors.add(new FieldError(DAYS_WORKED, "is 0 but hoursWorked is more than 0: count the days you worked"));
            } else if (noHours && !noDays) {
                errors.add(new FieldError(HOURS_WORKED, "is 0 but daysWorked is more than 0: enter the hours you worked"));
            } else if (hours.compareTo(HOURS_PER_DAY.multiply(days)) > 0) {
                errors.add(new FieldError(HOURS_WORKED, "must be at most 24 hours for each day worked"));
            }
        }
        // with no workday at all the shares describe nothing, so they may be left out (all four together)
        boolean noWorkday = hours != null && days != null && hours.signum() == 0 && days.signum() == 0;
        List<BigDecimal> given = Arrays.asList(in.sittingPercent(), in.standingPercent(), in.walkingPercent(),
                in.heavyLabourPercent());
        boolean sharesLeftOut = given.stream().allMatch(Objects::isNull);
        Integer[] shares = new Integer[SHARES.size()];
        if (!(noWorkday && sharesLeftOut)) {
            boolean allValid = true;
            for (int i = 0; i < SHARES.size(); i++) {
                BigDecimal share = number(given.get(i), SHARES.get(i), 100, 0, errors);
                if (share == null) {
                    allValid = false;
                } else {
                    shares[i] = share.intValueExact();
                }
            }
            if (allValid) {
                int sum = shares[0] + shares[1] + shares[2] + shares[3];
                if (sum != 100) {
                    for (String field : SHARES) {
                        errors.add(new FieldError(field, "the four shares of work time add up to " + sum
                                + "; they must add up to 100"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        return new Answers(hours.setScale(1), days.intValueExact(), shares[0], shares[1], shares[2], shares[3]);
    }

    /**
     * Minutes of an average workday: worked = hoursWorked × 60 / daysWorked, and each activity = worked × share / 100.
     * Every figure is rounded half up to whole minutes from the exact fraction, never from another rounded figure, so
     * the four activities can add up to the rounded workday ±2 minutes. No workday (0 days): nothing to derive.
     */
    public static Optional<WorkdayMinutes> perWorkday(Answers answers) {
        if (!answers.hasWorkday()) {
            return Optional.empty();
        }
        // hours carry one decimal, so tenths × 6 is the exact number of minutes worked in the 7 days
        long minutes = answers.hoursWorked().movePointRight(1).longValueExact() * 6;
        long days = answers.daysWorked();
        return Optional.of(new WorkdayMinutes(roundHalfUp(minutes, days),
                roundHalfUp(minutes * answers.sittingPercent(), days * 100),
                roundHalfUp(minutes * answers.standingPercent(), days * 100),
                roundHalfUp(minutes * answers.walkingPercent(), days * 100),
                roundHalfUp(minutes * answers.heavyLabourPercent(), days * 100)));
    }

    /** numerator / denominator rounded half up, both non-negative. */
    static int roundHalfUp(long numerator, long denominator) {
        return Math.toIntExact((2 * numerator + denominator) / (2 * denominator));
    }

    /** A number between 0 and {@code max} with at most {@code decimals} places, or null after adding its error. */
    private static BigDecimal number(BigDecimal value, String field, int max, int decimals, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        // the range first: it is cheap for any number a client can send (1e309 included)
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(field, "must be between 0 and " + max));
            return null;
        }
        if (value.stripTrailingZeros().scale() > decimals) {
            errors.add(new FieldError(field, decimals == 0 ? "must be a whole number"
                    : "must have at most one decimal place (e.g. 37.5)"));
            return null;
        }
        return value;
    }
}
