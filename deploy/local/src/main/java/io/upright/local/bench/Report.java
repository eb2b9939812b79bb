package io.upright.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark measured: how it ran (one paragraph), its rows, and notes that belong beside them. The suite
 * adds the date, the machine and the command that reproduces it.
 */
public final class Report {

    private final String setup;
    private final List<Comparison> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String setup) {
        this.setup = setup;
    }

    public Report row(Comparison comparison) {
        rows.add(comparison);
        return this;
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    public List<Comparison> rows() {
        return List.copyOf(rows);
    }

    /** The section's text, between its markers. */
    String render(String header, String reproduce) {
        StringBuilder out = new StringBuilder();
        out.append(header).append(' ').append(setup).append("\n\n");
        out.append("| what | Upright | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row.row()));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        out.append("\nReproduce: `").append(reproduce).append("`\n");
        return out.toString();
    }
}
