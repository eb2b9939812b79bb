package io.upright.reminders.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.chat.ChatChannelKind;
import io.upright.reminders.chat.ChatDeliveryChannel;
import io.upright.reminders.contact.EmployeeContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Teams: an Adaptive Card, whose Done, Snooze and Skip are signed answer links, sent to the tenant's own workflow
 * naming its recipient; the flow posts it to that person's chat with the Flow bot (see the README), never to a
 * shared channel.
 */
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

    @Inject
    EmployeeContacts contacts;

    /** A card names its recipient, so the flow posts it to them alone; without a known email there is nobody to name. */
    @Override
    protected String body(OutgoingReminder reminder) {
        String recipient = contacts.of(reminder.tenant(), reminder.employeeId()).map(EmployeeContacts.Contact::email).orElse(null);
        if (recipient == null) {
            return null;
        }
        try {
            return json.writeValueAsString(TeamsCard.of(reminder.message(), answerLinks.forReminder(reminder.id(), reminder.now()),
                    recipient));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a Teams message", e);
        }
    }
}
