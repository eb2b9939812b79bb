package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterCommandTest {

    private static final List<String> SERVICES = List.of("programs", "reminders");

    @Test
    void list_takes_an_optional_service_and_skips_the_launchers_options() {
        assertThat(DeadLetterCommand.parse(new String[]{"dlq", "--root", "/x", "list"}, SERVICES))
                .isEqualTo(new DeadLetterCommand.Request("list", null, null, false));
        assertThat(DeadLetterCommand.parse(new String[]{"dlq", "--root", "/x", "list", "reminders"}, SERVICES).service())
                .isEqualTo("reminders");
    }

    @Test
    void redrive_names_one_dead_letter_of_a_service_or_says_all() {
        assertThat(DeadLetterCommand.parse(new String[]{"dlq", "redrive", "reminders", "0/12"}, SERVICES))
                .isEqualTo(new DeadLetterCommand.Request("redrive", "reminders", "0/12", false));
        assertThat(DeadLetterCommand.parse(new String[]{"dlq", "redrive", "--all"}, SERVICES).all()).isTrue();
        assertThat(DeadLetterCommand.parse(new String[]{"dlq", "redrive", "--all", "reminders"}, SERVICES).service())
                .isEqualTo("reminders");
    }

    @Test
    void a_redrive_without_a_target_or_with_a_bad_one_is_refused() {
        assertThatThrownBy(() -> DeadLetterCommand.parse(new String[]{"dlq", "redrive", "reminders"}, SERVICES))
                .hasMessageContaining("--all");
        assertThatThrownBy(() -> DeadLetterCommand.parse(new String[]{"dlq", "redrive", "reminders", "zero"}, SERVICES))
                .hasMessageContaining("<partition>/<offset>");
        assertThatThrownBy(() -> DeadLetterCommand.parse(new String[]{"dlq", "list", "billing"}, SERVICES))
                .hasMessageContaining("No service billing");
        assertThatThrownBy(() -> DeadLetterCommand.parse(new String[]{"dlq"}, SERVICES)).hasMessageContaining("list or redrive");
    }

    @Test
    void the_table_shows_id_origin_type_tenant_state_and_the_latest_reason() throws Exception {
        JsonNode pending = Api.JSON.readTree("""
                {"partition":0,"offset":3,"originalTopic":"upright.programs","originalPartition":1,"originalOffset":17,
                 "reason":"record has no ce_type header","eventType":null,"tenant":"acme",
                 "deadLetteredAt":"2026-12-05T20:10:00Z","pending":true,"outcome":null,"outcomeReason":null}""");
        JsonNode failed = Api.JSON.readTree("""
                {"partition":2,"offset":0,"originalTopic":"upright.exercises","originalPartition":0,"originalOffset":4,
                 "reason":"first","eventType":"upright.exercises.routine-recommended.v1","tenant":"acme",
                 "deadLetteredAt":"2026-12-05T20:11:00Z","pending":true,"outcome":"failed-again","outcomeReason":"second"}""");
        String table = DeadLetterCommand.table(List.of(pending, failed));
        assertThat(table).contains("ID", "FROM", "STATE");
        assertThat(table).contains("0/3", "upright.programs/1@17", "pending", "record has no ce_type header");
        assertThat(table).contains("2/0", "upright.exercises/0@4", "failed-again", "second").doesNotContain("first");
    }
}
