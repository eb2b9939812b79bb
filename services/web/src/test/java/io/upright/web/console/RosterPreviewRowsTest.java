package io.upright.web.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RosterPreviewRowsTest {

    @Test
    void each_column_of_a_row_gets_one_error_with_the_id_the_problem_summary_links_to() {
        ConsoleApi.Row row = new ConsoleApi.Row(3, "ada", "Ada", "Finance", "error", false, List.of(), List.of(
                new ConsoleApi.FieldError("email", "must be an email address"),
                new ConsoleApi.FieldError("email", "appears twice in the file: first on line 2"),
                new ConsoleApi.FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin")), null);
        ConsoleApi.Row fine = new ConsoleApi.Row(4, "bob@example.com", "Bob", "Finance", "unchanged", false, null, List.of(),
                UUID.randomUUID());
        ConsoleApi.Preview preview = new ConsoleApi.Preview("dry-run", false, null, List.of(), List.of(), List.of(row, fine),
                List.of());

        List<RosterImportPages.RowView> rows = RosterImportPages.rows(preview);

        assertThat(rows.get(0).errors()).containsExactly(
                new RosterImportPages.CellError("email", "field-lines-3--email",
                        "must be an email address; appears twice in the file: first on line 2"),
                new RosterImportPages.CellError("timeZone", "field-lines-3--timeZone",
                        "must be an IANA time zone such as Europe/Berlin"));
        assertThat(rows.get(1).errors()).isEmpty();
        assertThat(rows.get(1).changes()).isEmpty();
    }
}
