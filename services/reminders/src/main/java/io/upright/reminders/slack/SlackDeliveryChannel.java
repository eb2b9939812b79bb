package io.upright.reminders.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatDeliveryChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Slack channels: Block Kit with Done, Snooze and Skip buttons. */
@ApplicationScoped
public class SlackDeliveryChannel extends ChatDeliveryChannel {

    @Inject
    ObjectMapper json;

    @Override
    protected ChatChannelKind chatKind() {
        return ChatChannelKind.SLACK;
    }

    @Override
    protected String body(OutgoingReminder reminder) {
        try {
            return json.writeValueAsString(SlackBlocks.of(reminder.message()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Slack message", e);
        }
    }
}
