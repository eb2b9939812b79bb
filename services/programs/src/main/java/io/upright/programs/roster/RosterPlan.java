package io.upright.programs.roster;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.programs.enrollment.EnrollmentDecider;
import io.upright.programs.team.TeamDecider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What importing a roster would do, decided without writing anything: each row is checked by the same rules as the
 * single endpoints (the enrolment decider itself, with a seal that changes nothing) and compared, by email, with who
 * is enrolled now. Pure: what the tenant holds comes in through a {@link Directory}.
 */
public final class RosterPlan {

    /** The actions a row can come to. */
    public static final String ENROL = "enrol";
    public static final String UPDATE = "update";
    public static final String UNCHANGED = "unchanged";
    public static final String ERROR = "error";

    public static final int MAX_DISPLAY_NAME_LENGTH = 120;
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final EnrollmentDecider ENROLMENT_RULES = new EnrollmentDecider();

    private RosterPlan() {
    }

    /** Who the tenant has now. Emails are normalised ({@link EnrollmentDecider#normaliseEmail}). */
    public interface Directory {
        /** The team with this name, compared without regard to case; null when there is none. */
        UUID teamNamed(String name);

        /** The person enrolled (or once enrolled) under this email. */
        Optional<Known> employee(String email);

        /** Everyone enrolled now (not left, not erased) whose email is not among {@code emails}. */
        List<Leaver> enrolledExcept(Set<String> emails);
    }

    /** An employee as the roster compares them: the fields a row sets. */
    public record Known(UUID id, UUID teamId, String status, String displayName, String chatHandle, String timeZone,
                        String workdayStart, String workdayEnd, boolean standingDesk) {
    }

    /** Someone enrolled now who is not in the file. */
    public record Leaver(UUID employeeId, UUID teamId, String teamName, String displayName, String email) {
    }

    /** A team the file names. */
    public record TeamLine(String name, UUID teamId, String action) {
    }

    /** One data row and what would happen to it. */
    public record RowResult(int line, String email, String displayName, String team, String action,
                            boolean createsTeam, List<String> changes, List<FieldError> errors, UUID employeeId) {
    }

    public record Summary(int rows, int teamsToCreate, int enrol, int update, int unchanged, int leavers,
                          int rowsWithErrors) {
    }

    /** The whole answer: file errors (then no rows), teams, rows, leavers. */
    public record Report(List<FieldError> fileErrors, List<TeamLine> teams, List<RowResult> rows, List<Leaver> leavers,
                         Summary summary) {

        public boolean valid() {
            return fileErrors.isEmpty() && summary.rowsWithErrors() == 0;
        }

        /** Every error, named {@code lines[<line number>].<column>} (or {@code header}, {@code file}). */
        public List<FieldError> allErrors() {
            List<FieldError> all = new ArrayList<>(fileErrors);
            for (RowResult row : rows) {
                for (FieldError e : row.errors()) {
                    all.add(new FieldError("lines[" + row.line() + "]." + e.field(), e.message()));
                }
            }
            return all;
        }
    }

    public static Report plan(RosterCsv.Parsed parsed, Directory directory, Instant now) {
        if (!parsed.readable()) {
            return new Report(parsed.fileErrors(), List.of(), List.of(), List.of(),
                    new Summary(0, 0, 0, 0, 0, 0, 0));
        }
        Map<String, TeamLine> teams = new LinkedHashMap<>();
        Map<String, Integer> firstLineOfEmail = new HashMap<>();
        List<RowResult> results = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            results.add(planRow(row, directory, teams, firstLineOfEmail, now));
        }
        List<Leaver> leavers = directory.enrolledExcept(firstLineOfEmail.keySet());
        int create = (int) teams.values().stream().filter(t -> t.teamId() == null).count();
        Summary summary = new Summary(results.size(), create, count(results, ENROL), count(results, UPDATE),
                count(results, UNCHANGED), leavers.size(), count(results, ERROR));
        return new Report(List.of(), List.copyOf(teams.values()), List.copyOf(results), List.copyOf(leavers), summary);
    }

    private static RowResult planRow(RosterCsv.Row row, Directory directory, Map<String, TeamLine> teams,
                                     Map<String, Integer> firstLineOfEmail, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String extra = row.values().get(RosterCsv.EXTRA);
        if (extra != null) {
            errors.add(new FieldError("row", extra));
        }
        String email = EnrollmentDecider.normaliseEmail(row.get("email"));
        String displayName = row.get("displayName");
        String teamName = row.get("team");
        String chatHandle = blankToNull(row.get("chatHandle"));
        Boolean standingDesk = yesOrNo(row.get("standingDesk"));
        if (standingDesk == null) {
            errors.add(new FieldError("standingDesk", "must be true or false (yes/no, 1/0 also do; empty is false)"));
        }

        // the domain's own rules, exactly as an enrolment would meet them; the seal leaves values as they are
        UnaryOperator<String> keepAsIs = value -> value;
        try {
            ENROLMENT_RULES.decide(new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), UUID.randomUUID(),
                    displayName, email, chatHandle, row.get("timeZone"), row.get("workdayStart"), row.get("workdayEnd"),
                    Boolean.TRUE.equals(standingDesk), null, now, keepAsIs), ENROLMENT_RULES.initialState());
        } catch (Rejection rejection) {
            errors.addAll(rejection.errors());
        }
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters"));
        }
        if (email != null && email.length() > MAX_EMAIL_LENGTH) {
            errors.add(new FieldError("email", "must be at most " + MAX_EMAIL_LENGTH + " characters"));
        }

        UUID teamId = null;
        boolean createsTeam = false;
        if (teamName == null || teamName.isEmpty()) {
            errors.add(new FieldError("team", "must name a team"));
        } else if (teamName.length() > TeamDecider.MAX_NAME_LENGTH) {
            errors.add(new FieldError("team", "must be at most " + TeamDecider.MAX_NAME_LENGTH + " characters"));
        } else {
            String key = teamName.toLowerCase(Locale.ROOT);
            TeamLine team = teams.get(key);
            if (team == null) {
                UUID existing = directory.teamNamed(teamName);
                team = new TeamLine(teamName, existing, existing == null ? "create" : "existing");
                teams.put(key, team);
                createsTeam = existing == null;
            }
            teamId = team.teamId();
        }

        Known known = null;
        if (email != null && !email.isEmpty()) {
            Integer first = firstLineOfEmail.putIfAbsent(email, row.line());
            if (first != null) {
                errors.add(new FieldError("email", "appears twice in the file: first on line " + first));
            } else {
                known = directory.employee(email).orElse(null);
                if (known != null && !"enrolled".equals(known.status())) {
                    errors.add(new FieldError("email", "belongs to someone who has left the program; the import does not "
                            + "enrol them again"));
                    known = null;
                }
            }
        }

        List<FieldError> distinct = List.copyOf(new LinkedHashSet<>(errors));
        if (!distinct.isEmpty()) {
            return new RowResult(row.line(), email, displayName, teamName, ERROR, createsTeam, List.of(), distinct, null);
        }
        if (known == null) {
            return new RowResult(row.line(), email, displayName, teamName, ENROL, createsTeam, List.of(), List.of(), null);
        }
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(teamId, known.teamId())) {
            changes.add("team");
        }
        if (!Objects.equals(displayName, known.displayName())) {
            changes.add("displayName");
        }
        if (!Objects.equals(chatHandle, blankToNull(known.chatHandle()))) {
            changes.add("chatHandle");
        }
        if (!Objects.equals(row.get("timeZone"), known.timeZone())) {
            changes.add("timeZone");
        }
        if (!Objects.equals(row.get("workdayStart"), known.workdayStart())) {
            changes.add("workdayStart");
        }
        if (!Objects.equals(row.get("workdayEnd"), known.workdayEnd())) {
            changes.add("workdayEnd");
        }
        if (standingDesk != known.standingDesk()) {
            changes.add("standingDesk");
        }
        return new RowResult(row.line(), email, displayName, teamName, changes.isEmpty() ? UNCHANGED : UPDATE,
                createsTeam, List.copyOf(changes), List.of(), known.id());
    }

    /** true/false, yes/no, y/n, 1/0 in any case; empty is false; anything else null. */
    static Boolean yesOrNo(String value) {
        if (value == null || value.isBlank()) {
            return Boolean.FALSE;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "y":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "n":
            case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int count(List<RowResult> rows, String action) {
        return (int) rows.stream().filter(r -> action.equals(r.action())).count();
    }
}
