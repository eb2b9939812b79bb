package io.upright.reminders.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatDeliveryChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Teams channels: an Adaptive Card whose Done, Snooze and Skip are signed answer links. */
@ApplicationScoped
public class TeamsDeliveryChannel extends ChatDeliveryChannel {

    @Inject
    ObjectMapper json;

    @Inject
    AnswerLinkService answerLinks;

    @Override
    protected ChatChannelKind chatKind() {
        return ChatChannelKind.TEAMS;
    }

    @Override
    protected String body(OutgoingReminder reminder) {
        try {
            return json.writeValueAsString(TeamsCard.of(reminder.message(), answerLinks.forReminder(reminder.id(), reminder.now())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Teams message", e);
        }
    }
}
