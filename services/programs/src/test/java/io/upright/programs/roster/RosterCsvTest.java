package io.upright.programs.roster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterCsvTest {

    @Test
    void quoted_fields_hold_commas_quotes_and_line_breaks_and_rows_keep_their_line_numbers() {
        RosterCsv.Parsed parsed = RosterCsv.parse("\uFEFFEmail,DisplayName,team,timeZone,workdayStart,workdayEnd\r\n"
                + "ada@example.com,\"Lovelace, Ada \"\"The Countess\"\"\",Finance,UTC,09:00,17:00\r\n"
                + "\r\n"
                + "bob@example.com,\"Bob\nSmith\",Finance,UTC,09:00,17:00\n"
                + "cy@example.com,Cy,Finance,UTC,09:00,17:00");

        assertThat(parsed.readable()).isTrue();
        assertThat(parsed.rows()).extracting(RosterCsv.Row::line).containsExactly(2, 4, 6);
        assertThat(parsed.rows().get(0).get("displayName")).isEqualTo("Lovelace, Ada \"The Countess\"");
        assertThat(parsed.rows().get(1).get("displayName")).isEqualTo("Bob\nSmith");
        assertThat(parsed.rows().get(2).get("chatHandle")).isNull();
    }

    @Test
    void an_unclosed_quote_an_unknown_column_and_an_empty_file_are_file_errors() {
        assertThat(RosterCsv.parse("email,displayName,team,timeZone,workdayStart,workdayEnd\n\"ada@example.com,Ada")
                .fileErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("line 2"));
        assertThat(RosterCsv.parse("email,displayName,team,timeZone,workdayStart,workdayEnd,shoeSize\n").fileErrors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("shoeSize"));
        assertThat(RosterCsv.parse("  \n").readable()).isFalse();
        assertThat(RosterCsv.parse("email,displayName,team,timeZone,workdayStart,workdayEnd\nada@example.com,A\0da,F,UTC,09:00,17:00\n")
                .fileErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("NUL", "line 2"));
    }

    @Test
    void a_row_with_more_values_than_columns_is_marked() {
        RosterCsv.Parsed parsed = RosterCsv.parse("email,displayName,team,timeZone,workdayStart,workdayEnd\n"
                + "ada@example.com,Ada,Finance,UTC,09:00,17:00,surplus\n");
        assertThat(parsed.rows().get(0).values()).containsKey(RosterCsv.EXTRA);
    }
}
