package io.upright.web.sitting;

import io.quarkus.qute.TemplateData;
import io.upright.web.sitting.MySittingReports.AnswersSent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sitting questionnaire's answers as the form holds them (as typed), and what a PUT sends. A number is read as a
 * decimal, with a comma taken as the decimal mark (37,5 is how many people write it); anything else that is not a
 * number is named here, because the service would only see it as missing. Pure.
 */
@TemplateData
public record SittingForm(String period, Map<String, String> values, Map<String, String> errors) {

    /** The answers of OSPAQ v1 in the order the service asks them. */
    public static final List<String> FIELDS = List.of("daysWorked", "hoursWorked", "sittingPercent", "standingPercent",
            "walkingPercent", "heavyLabourPercent");

    /** A posted form: the answers to send, or the fields that are not numbers. */
    public record Read(SittingForm form, AnswersSent answers, List<String> notNumbers) {
    }

    public static SittingForm empty(String period) {
        return new SittingForm(period, Map.of(), Map.of());
    }

    /** The form holding an earlier answer, for correcting it. */
    public static SittingForm of(String period, MySittingReports.Answers a) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "daysWorked", a.daysWorked());
        put(values, "hoursWorked", a.hoursWorked() == null ? null : a.hoursWorked().stripTrailingZeros().toPlainString());
        put(values, "sittingPercent", a.sittingPercent());
        put(values, "standingPercent", a.standingPercent());
        put(values, "walkingPercent", a.walkingPercent());
        put(values, "heavyLabourPercent", a.heavyLabourPercent());
        return new SittingForm(period, values, Map.of());
    }

    public static Read read(String period, Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        List<String> notNumbers = new ArrayList<>();
        for (String field : FIELDS) {
            String text = typed.get(field) == null ? "" : typed.get(field).trim();
            values.put(field, text);
            if (text.isEmpty()) {
                numbers.put(field, null);
                continue;
            }
            try {
                numbers.put(field, new BigDecimal(text.replace(',', '.')));
            } catch (NumberFormatException e) {
                notNumbers.add(field);
                numbers.put(field, null);
            }
        }
        AnswersSent answers = new AnswersSent(numbers.get("daysWorked"), numbers.get("hoursWorked"),
                numbers.get("sittingPercent"), numbers.get("standingPercent"), numbers.get("walkingPercent"),
                numbers.get("heavyLabourPercent"));
        return new Read(new SittingForm(period, values, Map.of()), answers, List.copyOf(notNumbers));
    }

    public SittingForm withErrors(Map<String, String> byField) {
        return new SittingForm(period, values, Map.copyOf(byField));
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    private static void put(Map<String, String> values, String field, Object value) {
        values.put(field, value == null ? "" : value.toString());
    }
}
