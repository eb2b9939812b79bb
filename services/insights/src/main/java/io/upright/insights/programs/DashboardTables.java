package io.upright.insights.programs;

import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.insights.anonymity.AnonymityPolicy.Verdict;
import io.upright.insights.programs.ProgramViews.Change;
import io.upright.insights.programs.ProgramViews.Figures;
import io.upright.insights.programs.ProgramViews.PendingWeek;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import io.upright.insights.programs.ProgramViews.Risk;
import io.upright.insights.programs.ProgramViews.Team;
import io.upright.insights.programs.ProgramViews.Week;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard as tables of text: the page renders exactly these tables and the CSV writes exactly these
 * tables, so the export is what the page shows, suppressed cells included.
 */
public final class DashboardTables {

    /** One shown value; {@code suppressed} cells carry the page's wording and the CSV's. */
    public record Value(String text, boolean suppressed, String csv) {
        static Value of(Object value) {
            String text = value == null ? "" : String.valueOf(value);
            return new Value(text, false, text);
        }
    }

    public record Row(String label, List<Value> values) {
        /** A row hidden as a whole is shown as one cell on the page (the CSV still writes every cell). */
        public boolean allSuppressed() {
            return !values.isEmpty() && values.stream().allMatch(Value::suppressed)
                    && values.stream().map(Value::text).distinct().count() == 1;
        }
    }

    public record Table(String id, String title, List<String> columns, List<Row> rows) {
    }

    /** {@code average}: the figure averages over the people with activity, who may be fewer than k. */
    private record Column(String title, Function<Figures, Object> value) {
    }

    private static final List<Column> FIGURES = List.of(
            new Column("Enrolled", Figures::enrolled),
            new Column("Active", Figures::active),
            new Column("Assessment coverage %", Figures::assessmentCoveragePercent),
            new Column("Reminders sent", Figures::remindersSent),
            new Column("Breaks taken", Figures::breaksTaken),
            new Column("Snoozed", Figures::breaksSnoozed),
            new Column("Skipped", Figures::breaksSkipped),
            new Column("Expired", Figures::remindersExpired),
            new Column("Active break minutes", Figures::activeBreakMinutes),
            new Column("Breaks taken per reminder sent %", Figures::breakUptakePercent),
            new Column("Exercise sessions", Figures::exerciseSessions),
            new Column("Exercise minutes", Figures::exerciseMinutes));

    private DashboardTables() {
    }

    public static List<Table> of(ProgramInsight insight, AnonymityPolicy policy) {
        List<Table> tables = new ArrayList<>();
        String span = span(insight);
        String latest = insight.weeks().isEmpty() ? "none closed yet" : insight.weeks().get(insight.weeks().size() - 1);
        Figures noWeek = insight.overview();

        List<Row> overview = new ArrayList<>();
        overview.add(figuresRow("Program, " + span, insight.overview(), policy));
        overview.add(figuresRow("Program, week " + latest, insight.latestWeek() == null ? noWeek : insight.latestWeek(), policy));
        overview.add(changeRow("Change on the week before", insight.weekOverWeek()));
        tables.add(new Table("overview", "Program overview", figureColumns(), overview));

        List<String> teamColumns = new ArrayList<>(figureColumns());
        teamColumns.add("Active, week " + latest);
        teamColumns.add("Breaks taken, week " + latest);
        teamColumns.add("Change in breaks taken");
        teamColumns.add("Change in active break minutes");
        List<Row> teams = new ArrayList<>();
        for (Team team : insight.teams()) {
            List<Value> values = new ArrayList<>(figureValues(team.figures(), policy));
            Figures latestWeek = team.latestWeek() == null ? noWeek : team.latestWeek();
            values.add(figure(latestWeek, Figures::active, policy));
            values.add(figure(latestWeek, Figures::breaksTaken, policy));
            if (latestWeek.suppressed()) {
                // a change of a hidden week is as hidden as the week itself
                values.add(suppressed(latestWeek.reason(), policy));
                values.add(suppressed(latestWeek.reason(), policy));
            } else {
                values.add(changeValue(team.weekOverWeek().breaksTaken()));
                values.add(changeValue(team.weekOverWeek().activeBreakMinutes()));
            }
            teams.add(new Row(team.teamName(), values));
        }
        tables.add(new Table("teams", "Team comparison, " + span, teamColumns, teams));

        List<String> trendColumns = new ArrayList<>(List.of("Program week", "Phase"));
        trendColumns.addAll(figureColumns());
        List<Row> trend = new ArrayList<>();
        for (Week week : insight.trend()) {
            List<Value> values = new ArrayList<>(List.of(Value.of(week.programWeek()), Value.of(week.phase())));
            values.addAll(figureValues(week.figures(), policy));
            trend.add(new Row(week.week(), values));
        }
        // the open week: named, never with a figure (the same words in the page, the CSV and the JSON's pendingWeeks)
        for (PendingWeek pending : insight.pendingWeeks()) {
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < trendColumns.size(); i++) {
                values.add(new Value(pending.status(), true, pending.status()));
            }
            trend.add(new Row(pending.week(), values));
        }
        tables.add(new Table("trend", "Weekly trend", trendColumns, trend));

        List<String> riskColumns = List.of("People assessed", "ROSA 1-2", "ROSA 3-4", "ROSA 5+ (act now)",
                "Workstation LOW", "Workstation MODERATE", "Workstation HIGH", "Top findings");
        List<Row> risk = new ArrayList<>();
        risk.add(riskRow("Program", insight.risk(), policy));
        insight.teams().forEach(team -> risk.add(riskRow(team.teamName(), team.risk(), policy)));
        tables.add(new Table("risk", "Risk and findings (latest assessment of each current member)", riskColumns, risk));
        return tables;
    }

    /** The published weeks shown, e.g. {@code 2026-W09 to 2026-W10}. */
    public static String span(ProgramInsight insight) {
        List<String> weeks = insight.weeks();
        if (weeks.isEmpty()) {
            return "no closed week yet";
        }
        return weeks.get(0) + (weeks.size() > 1 ? " to " + weeks.get(weeks.size() - 1) : "");
    }

    /** The tables as CSV: one header line per table, then its rows; the first two columns name table and row. */
    public static String csv(List<Table> tables) {
        StringBuilder out = new StringBuilder();
        for (Table table : tables) {
            List<String> header = new ArrayList<>(List.of("table", "row"));
            header.addAll(table.columns());
            line(out, header);
            for (Row row : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(table.title(), row.label()));
                row.values().forEach(v -> cells.add(v.csv()));
                line(out, cells);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(DashboardTables::quoted).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs a cell. */
    static String quoted(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("[-+]?[0-9.]+")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static List<String> figureColumns() {
        return FIGURES.stream().map(Column::title).toList();
    }

    private static Row figuresRow(String label, Figures figures, AnonymityPolicy policy) {
        return new Row(label, figureValues(figures, policy));
    }

    private static List<Value> figureValues(Figures figures, AnonymityPolicy policy) {
        return FIGURES.stream().map(c -> figure(figures, c.value(), policy)).toList();
    }

    private static Value figure(Figures figures, Function<Figures, Object> value, AnonymityPolicy policy) {
        if (figures.suppressed()) {
            return suppressed(figures.reason(), policy);
        }
        return Value.of(value.apply(figures));
    }

    private static Value suppressed(String reason, AnonymityPolicy policy) {
        Verdict verdict = new Verdict(true, reason);
        return new Value(policy.cellLabel(verdict), true, policy.csvLabel(verdict));
    }

    private static Row changeRow(String label, Change change) {
        List<Value> values = new ArrayList<>();
        for (Column column : FIGURES) {
            Object value = switch (column.title()) {
                case "Active" -> signed(change.active());
                case "Breaks taken" -> signed(change.breaksTaken());
                case "Active break minutes" -> signed(change.activeBreakMinutes());
                case "Breaks taken per reminder sent %" -> signed(change.breakUptakePercent());
                case "Exercise sessions" -> signed(change.exerciseSessions());
                case "Exercise minutes" -> signed(change.exerciseMinutes());
                default -> null;
            };
            values.add(Value.of(value));
        }
        return new Row(label, values);
    }

    private static Value changeValue(Long change) {
        return Value.of(signed(change));
    }

    private static String signed(Number value) {
        if (value == null) {
            return "n/a";
        }
        return value.doubleValue() > 0 ? "+" + value : String.valueOf(value);
    }

    private static Row riskRow(String label, Risk risk, AnonymityPolicy policy) {
        if (risk.suppressed()) {
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                values.add(suppressed(risk.reason(), policy));
            }
            return new Row(label, values);
        }
        List<Value> values = new ArrayList<>();
        values.add(Value.of(risk.assessed()));
        ProgramInsights.ROSA_BANDS.forEach(band -> values.add(count(risk.rosaBands().get(band))));
        ProgramInsights.RISK_LEVELS.forEach(level -> values.add(count(risk.workstationRiskLevels().get(level))));
        values.add(Value.of(risk.topFindings().stream().map(f -> f.code() + " (" + f.count() + ")")
                .collect(Collectors.joining("; "))));
        return new Row(label, values);
    }

    /** A category count, or its band label (shown like a hidden figure, written as the label itself). */
    private static Value count(Object count) {
        if (count instanceof String) {
            String label = (String) count;
            return new Value(label, true, label);
        }
        return Value.of(count);
    }
}
