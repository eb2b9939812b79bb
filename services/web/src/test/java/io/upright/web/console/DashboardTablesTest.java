package io.upright.web.console;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTablesTest {

    private static final DashboardTables.Words WORDS = new DashboardTables.Words() {
        @Override
        public String label(DashboardTables.Metric metric) {
            return metric.name();
        }

        @Override
        public String fewerThan(int k) {
            return "fewer than " + k + " people";
        }

        @Override
        public String none() {
            return "–";
        }
    };

    private static DashboardApi.Figures shown(long active, long breaks) {
        return new DashboardApi.Figures(false, null, 6L, active, 83L, 3L, 6L, breaks, 0L, 0L, 75L, 67L, 0L, 0L);
    }

    private static DashboardApi.Figures hidden(String reason) {
        return new DashboardApi.Figures(true, reason, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static DashboardApi.ProgramInsight program(DashboardApi.Figures overview, List<DashboardApi.Team> teams,
                                                       DashboardApi.Risk risk) {
        return new DashboardApi.ProgramInsight(UUID.randomUUID(), "Stand up", "launched", LocalDate.of(2026, 11, 2), 5,
                List.of("2026-W47"), List.of(), overview, overview, teams,
                List.of(new DashboardApi.Week("2026-W47", LocalDate.of(2026, 11, 16), 3, 1, overview)), risk, null);
    }

    @Test
    void shown_figures_are_numbers_in_metric_order() {
        DashboardApi.ProgramInsight p = program(shown(6, 4), List.of(), null);
        List<DashboardTables.OverviewLine> lines = DashboardTables.overview(p, WORDS);
        assertThat(lines).hasSize(DashboardTables.Metric.values().length);
        assertThat(lines.get(1)).isEqualTo(new DashboardTables.OverviewLine("ACTIVE", new DashboardTables.Cell("6", false),
                new DashboardTables.Cell("6", false)));
        assertThat(DashboardTables.weeks(p, WORDS).get(0).values()).containsExactly("6", "4", "67", "75", "0");
    }

    @Test
    void a_hidden_team_is_words_across_its_row_never_a_number() {
        DashboardApi.ProgramInsight p = program(hidden(null), List.of(
                new DashboardApi.Team(UUID.randomUUID(), "Finance", hidden("fewer than 5 people active"), null, null)), null);
        DashboardTables.Line team = DashboardTables.teams(p, WORDS).get(0);
        assertThat(team.hidden()).isTrue();
        assertThat(team.values()).isEmpty();
        assertThat(team.hiddenText()).isEqualTo("fewer than 5 people active");
        assertThat(DashboardTables.overview(p, WORDS)).allSatisfy(l -> {
            assertThat(l.total().hidden()).isTrue();
            assertThat(l.total().text()).isEqualTo("fewer than 5 people");
        });
    }

    @Test
    void banded_risk_counts_stay_labels() {
        Map<String, Object> levels = new LinkedHashMap<>();
        levels.put("LOW", 6);
        levels.put("HIGH", "fewer than 5");
        DashboardApi.Risk risk = new DashboardApi.Risk(false, null, 11, null, levels, List.of());
        assertThat(DashboardTables.risk(risk)).containsExactly(List.of("LOW", "6"), List.of("HIGH", "fewer than 5"));
        assertThat(DashboardTables.count("all but fewer than 5", WORDS)).isEqualTo("all but fewer than 5");
        assertThat(DashboardTables.risk(new DashboardApi.Risk(true, "fewer than 5 people assessed", null, null, null, null)))
                .isEmpty();
    }
}
