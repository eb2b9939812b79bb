package io.upright.reminders.chat;

import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A chat tool's channels serving the employee (the tenant's, or their team's): one message in the kind's own
 * format, written once per reminder, posted to each. Answerable: the employee can press Done, Snooze or Skip there.
 */
public abstract class ChatDeliveryChannel implements DeliveryChannel {

    @Inject
    ChatDelivery chat;

    @Inject
    ChatChannels channels;

    /** The kind this channel posts to. */
    protected abstract ChatChannelKind chatKind();

    /** The kind's message for the reminder (Slack Block Kit, Teams Adaptive Card). */
    protected abstract String body(OutgoingReminder reminder);

    @Override
    public String kind() {
        return chatKind().channel();
    }

    @Override
    public boolean answerable() {
        return true;
    }

    @Override
    public int order() {
        return 1 + chatKind().ordinal();
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder) {
        List<Call> calls = new ArrayList<>();
        String body = null; // written only when a channel of this kind serves the employee
        for (ChatTarget target : channels.active(chatKind(), reminder.tenant())) {
            if (!target.serves(reminder.teamId())) {
                continue;
            }
            if (body == null) {
                body = body(reminder);
            }
            CompletableFuture<DeliveryOutcome> outcome;
            try {
                outcome = chat.send(target, body);
            } catch (RuntimeException e) {
                outcome = CompletableFuture.completedFuture(DeliveryOutcome.FAILED);
            }
            calls.add(new Call(target.channelId(), outcome));
        }
        return calls;
    }

    @Override
    public void disable(String tenant, UUID targetId) {
        channels.disable(chatKind(), tenant, targetId, chatKind().goneReason());
    }
}
