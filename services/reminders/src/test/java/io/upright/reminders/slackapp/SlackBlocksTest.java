package io.upright.reminders.slackapp;

import io.upright.reminders.reminder.ReminderMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlackBlocksTest {

    private final UUID reminder = UUID.randomUUID();

    @Test
    @SuppressWarnings("unchecked")
    void a_reminder_is_a_section_with_the_text_and_done_snooze_skip_and_show_my_routine_buttons_carrying_only_the_reminder_id() {
        ReminderMessage message = ReminderMessage.of(reminder, UUID.randomUUID(), Instant.now());
        Map<String, Object> body = SlackBlocks.of(message);

        assertThat(body.get("text")).isEqualTo(message.message());
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) body.get("blocks");
        assertThat(blocks).extracting(b -> b.get("type")).containsExactly("section", "actions");
        assertThat((Map<String, Object>) blocks.get(0).get("text"))
                .containsEntry("type", "plain_text").containsEntry("text", message.message());
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) blocks.get(1).get("elements");
        assertThat(buttons).extracting(b -> b.get("type")).containsOnly("button");
        assertThat(buttons).extracting(b -> b.get("action_id")).containsExactly("done", "snooze", "skip", "suggestion");
        assertThat(buttons).extracting(b -> ((Map<String, Object>) b.get("text")).get("text"))
                .containsExactly("Done", "Snooze 10 min", "Skip", "Show my routine");
        // what Done records is kept on the reminder: the channel never learns the routine or its minutes
        assertThat(buttons).extracting(b -> b.get("value"))
                .containsExactly("done:" + reminder, "snooze:" + reminder, "skip:" + reminder, "suggestion:" + reminder);
    }

    @Test
    void button_values_read_back_and_foreign_values_are_refused() {
        assertThat(SlackAction.parse("done:" + reminder + ":walk:3"))
                .contains(new SlackAction("done", reminder, "walk", 3));
        assertThat(SlackAction.parse("skip:" + reminder)).contains(new SlackAction("skip", reminder, null, null));
        assertThat(SlackAction.parse("snooze:" + reminder)).contains(new SlackAction("snooze", reminder, null, null));
        assertThat(SlackAction.parse("done:" + reminder)).contains(new SlackAction("done", reminder, null, null));
        assertThat(SlackAction.parse("suggestion:" + reminder)).contains(new SlackAction("suggestion", reminder, null, null));
        assertThat(SlackAction.parse("done:" + reminder + ":walk")).isEmpty();
        assertThat(SlackAction.parse("done:not-a-uuid:walk:3")).isEmpty();
        assertThat(SlackAction.parse("done:" + reminder + ":walk:many")).isEmpty();
        assertThat(SlackAction.parse("delete:" + reminder)).isEmpty();
        assertThat(SlackAction.parse(null)).isEmpty();
    }
}
