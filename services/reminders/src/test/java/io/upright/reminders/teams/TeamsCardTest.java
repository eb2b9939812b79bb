package io.upright.reminders.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.BreakSuggestion;
import io.upright.reminders.reminder.ReminderMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_card_shows_the_suggested_routine_and_offers_done_snooze_skip_as_open_url_links() throws Exception {
        BreakSuggestion routine = BreakSuggestion.routine("hip-flexor-reset", "Hip-flexor reset", 8);
        ReminderMessage message = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), routine);
        JsonNode envelope = JSON.valueToTree(TeamsCard.of(message, routine, new TeamsCard.Links("https://u/done", "https://u/snooze", "https://u/skip")));

        assertThat(envelope.path("type").asText()).isEqualTo("message");
        JsonNode attachment = envelope.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").toString()).contains("8-minute hip-flexor reset").contains("Hip-flexor reset");
        assertThat(card.path("actions")).extracting(a -> a.path("type").asText()).containsOnly("Action.OpenUrl");
        assertThat(card.path("actions")).extracting(a -> a.path("title").asText()).containsExactly("Done", "Snooze 10 min", "Skip");
        assertThat(card.path("actions")).extracting(a -> a.path("url").asText()).containsExactly("https://u/done", "https://u/snooze", "https://u/skip");
    }

    @Test
    void without_a_routine_the_card_has_no_routine_facts() {
        ReminderMessage message = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), BreakSuggestion.general());
        JsonNode card = JSON.valueToTree(TeamsCard.of(message, BreakSuggestion.general(), new TeamsCard.Links("d", "s", "k")))
                .path("attachments").get(0).path("content");
        assertThat(card.path("body").toString()).doesNotContain("FactSet");
    }
}
