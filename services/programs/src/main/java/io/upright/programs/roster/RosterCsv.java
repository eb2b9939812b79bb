package io.upright.programs.roster;

import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster file: RFC 4180 CSV (comma separated, fields in double quotes may hold commas, quotes doubled, line
 * breaks), UTF-8, a header row naming the columns in any order. Column names are matched without regard to case.
 * A problem with the file as a whole (no header, a missing column, an unclosed quote) is a file error; a problem
 * with one row is left to {@link RosterPlan}.
 */
public final class RosterCsv {

    public static final List<String> COLUMNS = List.of("email", "displayName", "team", "timeZone", "workdayStart",
            "workdayEnd", "chatHandle", "standingDesk");
    /** Columns a file may leave out: an absent chat handle is none, an absent standing desk is "no". */
    private static final List<String> OPTIONAL = List.of("chatHandle", "standingDesk");
    /** A file this long is refused before it is read row by row: the benchmark imports 10 000. */
    public static final int MAX_ROWS = 20_000;

    private RosterCsv() {
    }

    /** One data row: the line it starts on (the header is line 1) and its values by column. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            return value == null ? null : value.strip();
        }
    }

    /** The rows read, and what is wrong with the file as a whole (then the rows are not to be trusted). */
    public record Parsed(List<Row> rows, List<FieldError> fileErrors) {
        public boolean readable() {
            return fileErrors.isEmpty();
        }
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return failed("file", "is empty: the first line must name the columns " + String.join(",", COLUMNS));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet exports start with a BOM
        int nul = body.indexOf('\0');
        if (nul >= 0) {
            // PostgreSQL cannot store it: refused here rather than failing deep in the import's transaction
            return failed("file", "must not contain a NUL character (line " + (1 + body.substring(0, nul).chars()
                    .filter(c -> c == '\n').count()) + ")");
        }
        List<Record> records = new ArrayList<>();
        String unclosed = split(body, records);
        if (unclosed != null) {
            return failed("file", unclosed);
        }
        if (records.isEmpty()) {
            return failed("file", "is empty");
        }
        List<String> header = records.get(0).fields();
        Map<String, Integer> index = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (column == null) {
                if (!name.isEmpty()) {
                    errors.add(new FieldError("header", "has an unknown column '" + name + "'; the columns are "
                            + String.join(",", COLUMNS)));
                }
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("header", "names the column " + column + " twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!index.containsKey(column) && !OPTIONAL.contains(column)) {
                errors.add(new FieldError("header", "misses the column " + column
                        + " (the first line must name the columns " + String.join(",", COLUMNS) + ")"));
            }
        }
        if (records.size() - 1 > MAX_ROWS) {
            errors.add(new FieldError("file", "has " + (records.size() - 1) + " rows; at most " + MAX_ROWS
                    + " can be imported at once"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), List.copyOf(errors));
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank)) {
                continue; // a blank line, e.g. at the end of a file
            }
            Map<String, String> values = new HashMap<>();
            index.forEach((column, i) -> values.put(column, i < record.fields().size() ? record.fields().get(i) : null));
            if (record.fields().size() > header.size()) {
                values.put(EXTRA, "has " + record.fields().size() + " values but the header names " + header.size()
                        + " columns");
            }
            rows.add(new Row(record.line(), values));
        }
        return new Parsed(List.copyOf(rows), List.of());
    }

    /** Not a column: set on a row with more values than the header has names. */
    static final String EXTRA = "__extra";

    private record Record(int line, List<String> fields) {
    }

    /** Splits the text into records; @return a message when a quote is left open, else null. */
    private static String split(String text, List<Record> out) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                out.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            return "has a quote opened on line " + quoteLine + " that is never closed";
        }
        if (!fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return null;
    }

    private static Parsed failed(String field, String message) {
        return new Parsed(List.of(), List.of(new FieldError(field, message)));
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
