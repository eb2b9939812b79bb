package io.upright.reminders;

import io.upright.platform.eventstore.EventNames;
import io.upright.reminders.chat.ChatChannelEvent;
import io.upright.reminders.reminder.ReminderEvent;
import io.upright.reminders.schedule.ScheduleEvent;
import io.upright.reminders.slackapp.SlackAppEvent;
import io.upright.reminders.webhook.WebhookEndpointEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names and versions under which this service's events are stored. These are stored history and must never
 * change: renaming a Java class is fine, changing a name here is not (a breaking change gets a new version and an
 * upcaster instead).
 */
class StoredEventNamesTest {

    @Test
    void reminder_events() {
        assertThat(EventNames.of(ReminderEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ReminderSent", 1, "ReminderExpired", 1, "ReminderFailed", 1,
                "BreakTaken", 1, "BreakSkipped", 1, "BreakSnoozed", 1));
    }

    @Test
    void schedule_events() {
        assertThat(EventNames.of(ScheduleEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ScheduleCreated", 1, "ScheduleEnded", 1, "SettingsChanged", 1, "RemindersPaused", 1, "RemindersResumed", 1));
    }

    @Test
    void chat_channel_events() {
        // one set of names for Slack and Teams channels; the stream type tells the kinds apart (see V107)
        assertThat(EventNames.of(ChatChannelEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ChatChannelRegistered", 1, "ChatChannelDisabled", 1, "ChatChannelRemoved", 1, "ChatChannelResealed", 1));
    }

    @Test
    void webhook_endpoint_events() {
        assertThat(EventNames.of(WebhookEndpointEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WebhookEndpointRegistered", 1, "WebhookEndpointDisabled", 1, "WebhookEndpointRemoved", 1,
                "WebhookSecretRotated", 1, "WebhookSecretResealed", 1));
    }

    @Test
    void slack_app_events() {
        assertThat(EventNames.of(SlackAppEvent.class).versions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SlackAppInstalled", 1, "SlackAppDisabled", 1, "SlackAppTokenResealed", 1));
    }
}
