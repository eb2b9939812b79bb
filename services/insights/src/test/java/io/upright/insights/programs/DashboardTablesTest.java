package io.upright.insights.programs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTablesTest {

    @Test
    void csv_cells_are_quoted_and_formulas_are_neutralised() {
        assertThat(DashboardTables.quoted("Accounts")).isEqualTo("Accounts");
        assertThat(DashboardTables.quoted("Program, 2026-W47")).isEqualTo("\"Program, 2026-W47\"");
        assertThat(DashboardTables.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DashboardTables.quoted("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(DashboardTables.quoted("-5")).isEqualTo("-5");
        assertThat(DashboardTables.quoted("+3")).isEqualTo("+3");
        assertThat(DashboardTables.quoted(null)).isEmpty();
    }
}
