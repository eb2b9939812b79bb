package io.upright.reminders.chat;

import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A chat tool's channels serving the employee (the tenant's, or their team's): one message in the kind's own
 * format, written once per reminder, posted to each. A kind that posts into a shared place
 * ({@link ChatChannelKind#personalReminders()} false) takes only team breaks, announced once per team and slot.
 */
public abstract class ChatDeliveryChannel implements DeliveryChannel {

    @Inject
    ChatDelivery chat;

    @Inject
    ChatChannels channels;

    @Inject
    TeamBreakPosts teamBreakPosts;

    /** The kind this channel posts to. */
    protected abstract ChatChannelKind chatKind();

    /**
     * The kind's message for the reminder (Slack Block Kit, Teams Adaptive Card); null when this kind cannot reach the
     * person (a Teams card needs to name its recipient): their other channels serve them.
     */
    protected abstract String body(OutgoingReminder reminder);

    @Override
    public String kind() {
        return chatKind().channel();
    }

    /** Answerable where each person gets their own message; a shared channel's announcement has no buttons. */
    @Override
    public boolean answerable() {
        return chatKind().personalReminders();
    }

    @Override
    public int order() {
        return 1 + chatKind().ordinal();
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder) {
        return deliver(reminder, Round.none());
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder, Round round) {
        boolean teamBreak = ReminderKind.TEAM_BREAK.equals(reminder.message().kind());
        if (!chatKind().personalReminders() && !teamBreak) {
            return List.of();
        }
        List<Call> calls = new ArrayList<>();
        String body = null; // written only when a channel of this kind serves the employee
        for (ChatTarget target : round.<List<ChatTarget>>once(List.of(chatKind(), reminder.tenant()),
                () -> channels.active(chatKind(), reminder.tenant()))) {
            if (!target.serves(reminder.teamId())) {
                continue;
            }
            if (!chatKind().personalReminders() && !teamBreakPosts.claim(target.channelId(), reminder.teamId(), reminder.message().slot())) {
                // the team's break is announced there already, by a teammate's reminder: it reached this person too
                calls.add(new Call(target.channelId(), CompletableFuture.completedFuture(DeliveryOutcome.DELIVERED)));
                continue;
            }
            if (body == null) {
                body = body(reminder);
                if (body == null) {
                    return List.of();
                }
            }
            CompletableFuture<DeliveryOutcome> outcome;
            try {
                outcome = chat.send(target, body);
            } catch (RuntimeException e) {
                outcome = CompletableFuture.completedFuture(DeliveryOutcome.FAILED);
            }
            if (!chatKind().personalReminders()) {
                // a failed announcement frees the claim, so the next teammate's reminder (or this one's retry) posts it
                UUID channel = target.channelId();
                outcome = outcome.thenApply(result -> {
                    if (result != DeliveryOutcome.DELIVERED) {
                        teamBreakPosts.release(channel, reminder.teamId(), reminder.message().slot());
                    }
                    return result;
                });
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
