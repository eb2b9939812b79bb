package io.upright.web.console;

import io.upright.web.page.ServiceProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaigns page without Quarkus: the start form read into a request (or errors at its fields), and the list of
 * campaigns as the table shows it. Coverage is only what assessments returned: a suppressed one is words, never a
 * number, since not even the team's size may be shown then.
 */
public final class CampaignRows {

    /** The few words made here, in the page's language. */
    public interface Words {
        String required();

        String dateFormat();

        String coverage(int submitted, int employees, int percent);

        String coverageHidden();
    }

    /** A campaign as a row of the table. */
    public record Row(String team, String template, String dueDate, String startedOn, String coverage, boolean suppressed) {
    }

    /** What the form sent: the request when it can be sent, the values to show again, and errors by field. */
    public record Read(CampaignApi.NewCampaign campaign, Map<String, String> values, List<ServiceProblem.FieldError> errors) {
        public boolean sendable() {
            return errors.isEmpty();
        }
    }

    private CampaignRows() {
    }

    public static Read read(Map<String, List<String>> form, Words words) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        String team = first(form, "teamId");
        String template = first(form, "templateId");
        String due = first(form, "dueDate");
        values.put("teamId", team);
        values.put("templateId", template);
        values.put("dueDate", due);
        UUID teamId = null;
        if (team.isEmpty()) {
            errors.add(new ServiceProblem.FieldError("teamId", words.required()));
        } else {
            try {
                teamId = UUID.fromString(team);
            } catch (IllegalArgumentException e) {
                errors.add(new ServiceProblem.FieldError("teamId", words.required()));
            }
        }
        if (template.isEmpty()) {
            errors.add(new ServiceProblem.FieldError("templateId", words.required()));
        }
        LocalDate dueDate = null;
        if (due.isEmpty()) {
            errors.add(new ServiceProblem.FieldError("dueDate", words.required()));
        } else {
            try {
                dueDate = LocalDate.parse(due);
            } catch (DateTimeParseException e) {
                errors.add(new ServiceProblem.FieldError("dueDate", words.dateFormat()));
            }
        }
        // whether the date is late enough, the template known and the team enrolled is the service's to say
        return new Read(new CampaignApi.NewCampaign(teamId, template.isEmpty() ? null : template, dueDate), values,
                List.copyOf(errors));
    }

    public static List<Row> rows(List<CampaignApi.Campaign> campaigns, Map<UUID, String> teamNames,
                                 Map<String, String> templateTitles, Words words) {
        if (campaigns == null) {
            return List.of();
        }
        return campaigns.stream().map(c -> new Row(
                teamNames.getOrDefault(c.teamId(), String.valueOf(c.teamId())),
                templateTitles.getOrDefault(c.templateId(), c.templateId()),
                c.dueDate() == null ? "" : c.dueDate().toString(),
                c.startedAt() == null ? "" : c.startedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                coverage(c, words),
                c.suppressed() || c.coverage() == null)).toList();
    }

    static String coverage(CampaignApi.Campaign c, Words words) {
        if (c.suppressed() || c.coverage() == null) {
            return words.coverageHidden();
        }
        return words.coverage(c.coverage().submitted(), c.coverage().employees(), c.coverage().percent());
    }

    /** A service's refusal of the whole request (404: nobody of the team is known) shown at the team too. */
    public static ServiceProblem atFields(ServiceProblem problem) {
        if (problem.notFound() && problem.fieldErrors().isEmpty()) {
            return new ServiceProblem(problem.status(), problem.title(), problem.detail(),
                    List.of(new ServiceProblem.FieldError("teamId", problem.detail())));
        }
        return problem;
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> v = form.get(field);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
    }
}
