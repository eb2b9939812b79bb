package io.upright.reminders.slack;

import io.upright.reminders.slackapp.SlackBlocks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatDeliveryChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Slack channels (incoming webhooks): shared places, so they only announce team breaks, without buttons. Each
 * person's own reminders come from the Slack app as direct messages ({@code slackapp}).
 */
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
            return json.writeValueAsString(SlackBlocks.announcement(reminder.message()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Slack message", e);
        }
    }
}
