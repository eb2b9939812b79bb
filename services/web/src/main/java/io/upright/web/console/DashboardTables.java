package io.upright.web.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A program's insights as plain tables, without Quarkus. A hidden figure is always words (the reason insights gives,
 * or "fewer than k people"), never a number; a count insights bands ("fewer than 5") is shown as its label.
 */
public final class DashboardTables {

    /** The figures shown, in table order. */
    public enum Metric {
        ENROLLED(DashboardApi.Figures::enrolled),
        ACTIVE(DashboardApi.Figures::active),
        COVERAGE_PERCENT(DashboardApi.Figures::assessmentCoveragePercent),
        ASSESSMENTS(DashboardApi.Figures::assessmentsCompleted),
        REMINDERS_SENT(DashboardApi.Figures::remindersSent),
        BREAKS_TAKEN(DashboardApi.Figures::breaksTaken),
        UPTAKE_PERCENT(DashboardApi.Figures::breakUptakePercent),
        ACTIVE_MINUTES(DashboardApi.Figures::activeBreakMinutes),
        EXERCISE_SESSIONS(DashboardApi.Figures::exerciseSessions),
        EXERCISE_MINUTES(DashboardApi.Figures::exerciseMinutes);

        final Function<DashboardApi.Figures, Long> value;

        Metric(Function<DashboardApi.Figures, Long> value) {
            this.value = value;
        }
    }

    /** The columns of the team and week tables: fewer than the overview's, so they fit a phone's width when scrolled. */
    public static final List<Metric> SHORT = List.of(Metric.ACTIVE, Metric.BREAKS_TAKEN, Metric.UPTAKE_PERCENT,
            Metric.ACTIVE_MINUTES, Metric.EXERCISE_SESSIONS);

    /** The words made here, in the page's language. */
    public interface Words {
        String label(Metric metric);

        /** "fewer than k people", when insights hides a figure without saying why. */
        String fewerThan(int k);

        /** A figure insights has no value for (e.g. no reminder sent yet, so no uptake). */
        String none();
    }

    /** One row: its name, and either its values or, when hidden, the words across the row. */
    public record Line(String name, boolean hidden, String hiddenText, List<String> values) {
    }

    /** One row of the overview: the figure, over the weeks shown and in the latest week; each cell may be hidden. */
    public record Cell(String text, boolean hidden) {
    }

    public record OverviewLine(String name, Cell total, Cell latest) {
    }

    private DashboardTables() {
    }

    public static List<OverviewLine> overview(DashboardApi.ProgramInsight insight, Words words) {
        List<OverviewLine> lines = new ArrayList<>();
        for (Metric m : Metric.values()) {
            lines.add(new OverviewLine(words.label(m), cell(insight.overview(), m, insight.anonymityThreshold(), words),
                    cell(insight.latestWeek(), m, insight.anonymityThreshold(), words)));
        }
        return lines;
    }

    public static List<Line> teams(DashboardApi.ProgramInsight insight, Words words) {
        List<Line> lines = new ArrayList<>();
        for (DashboardApi.Team t : insight.teams() == null ? List.<DashboardApi.Team>of() : insight.teams()) {
            lines.add(line(t.teamName(), t.figures(), insight.anonymityThreshold(), words));
        }
        return lines;
    }

    public static List<Line> weeks(DashboardApi.ProgramInsight insight, Words words) {
        List<Line> lines = new ArrayList<>();
        for (DashboardApi.Week w : insight.trend() == null ? List.<DashboardApi.Week>of() : insight.trend()) {
            lines.add(line(w.week(), w.figures(), insight.anonymityThreshold(), words));
        }
        return lines;
    }

    /** The risk row's counts as label and value; band labels stay labels. Empty when the row is hidden. */
    public static List<List<String>> risk(DashboardApi.Risk risk) {
        List<List<String>> rows = new ArrayList<>();
        if (risk == null || risk.suppressed()) {
            return rows;
        }
        addAll(rows, "ROSA ", risk.rosaBands());
        addAll(rows, "", risk.workstationRiskLevels());
        return rows;
    }

    /** Why a row is hidden, in words: insights' reason, else "fewer than k people". */
    public static String hiddenWords(String reason, int k, Words words) {
        return reason == null || reason.isBlank() ? words.fewerThan(k) : reason;
    }

    /** A count as shown: a number, or the band label insights sent instead of one. */
    public static String count(Object count, Words words) {
        if (count == null) {
            return words.none();
        }
        if (count instanceof Number n) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(count);
    }

    static Cell cell(DashboardApi.Figures f, Metric m, int k, Words words) {
        if (f == null) {
            return new Cell(words.none(), false);
        }
        if (f.suppressed()) {
            return new Cell(hiddenWords(f.reason(), k, words), true);
        }
        return new Cell(count(m.value.apply(f), words), false);
    }

    static Line line(String name, DashboardApi.Figures f, int k, Words words) {
        if (f == null || f.suppressed()) {
            return new Line(name, true, f == null ? words.fewerThan(k) : hiddenWords(f.reason(), k, words), List.of());
        }
        return new Line(name, false, null, SHORT.stream().map(m -> count(m.value.apply(f), words)).toList());
    }

    private static void addAll(List<List<String>> rows, String prefix, Map<String, Object> counts) {
        if (counts == null) {
            return;
        }
        counts.forEach((k, v) -> rows.add(List.of(prefix + k, v == null ? "" : v instanceof Number n
                ? String.valueOf(n.longValue()) : String.valueOf(v))));
    }
}
