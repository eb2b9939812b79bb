package io.upright.reminders.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.ReminderMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_card_shows_the_text_and_offers_done_snooze_skip_as_open_url_links() throws Exception {
        ReminderMessage message = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        JsonNode envelope = JSON.valueToTree(TeamsCard.of(message, new TeamsCard.Links("https://u/done", "https://u/snooze", "https://u/skip"), "ada@acme.example"));

        assertThat(envelope.path("type").asText()).isEqualTo("message");
        // whose card it is, for the tenant's flow to post it to that person's chat
        assertThat(envelope.path("recipient").path("email").asText()).isEqualTo("ada@acme.example");
        JsonNode attachment = envelope.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").findValuesAsText("text")).containsExactly("Time for a break", message.message());
        // no routine facts: the card reads the same for every employee
        assertThat(card.path("body").toString()).doesNotContain("FactSet");
        assertThat(card.path("actions")).extracting(a -> a.path("type").asText()).containsOnly("Action.OpenUrl");
        assertThat(card.path("actions")).extracting(a -> a.path("title").asText()).containsExactly("Done", "Snooze 10 min", "Skip");
        assertThat(card.path("actions")).extracting(a -> a.path("url").asText()).containsExactly("https://u/done", "https://u/snooze", "https://u/skip");
    }

    @Test
    void a_nudge_card_has_no_actions() {
        ReminderMessage nudge = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "assessment-nudge",
                java.time.LocalDate.parse("2026-12-04"));
        JsonNode card = JSON.valueToTree(TeamsCard.of(nudge, new TeamsCard.Links("d", "s", "k"), null)).path("attachments").get(0).path("content");
        assertThat(card.path("actions")).isEmpty();
        assertThat(card.path("body").findValuesAsText("text")).contains("Desk check");
    }
}
