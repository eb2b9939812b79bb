package io.upright.reminders.teams;

import io.upright.reminders.reminder.ReminderMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Teams workflow message of a break reminder: an Adaptive Card (1.4) with a title and the text, then Done /
 * Snooze 10 min / Skip as {@code Action.OpenUrl} buttons to signed answer links. The card is the same for every
 * employee but the reminder id in the links: nothing on it (no routine, no minutes) comes from their assessment.
 * Workflow webhooks take the Bot Framework shape: a {@code message} with one adaptive-card attachment, plus
 * {@code recipient.email}, which the tenant's own flow uses to post the card to that person alone.
 */
public final class TeamsCard {

    public static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";

    private TeamsCard() {
    }

    /** The three links, already signed. */
    public record Links(String done, String snooze, String skip) {
    }

    /**
     * @param recipient the work email (UPN) of the employee the card is for: the tenant's flow posts it to that
     *                  person's chat with the Flow bot (null: a card for nobody in particular, as before)
     */
    public static Map<String, Object> of(ReminderMessage message, Links links, String recipient) {
        List<Object> body = new java.util.ArrayList<>();
        body.add(Map.of("type", "TextBlock", "text", message.answerable() ? "Time for a break" : "Desk check", "weight", "Bolder",
                "size", "Medium", "wrap", true));
        // TextBlock supports a Markdown subset; the message is our own fixed text
        body.add(Map.of("type", "TextBlock", "text", message.message(), "wrap", true));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        card.put("actions", !message.answerable() || links == null ? List.of() : List.of(
                Map.of("type", "Action.OpenUrl", "title", "Done", "url", links.done(), "style", "positive"),
                Map.of("type", "Action.OpenUrl", "title", "Snooze 10 min", "url", links.snooze()),
                Map.of("type", "Action.OpenUrl", "title", "Skip", "url", links.skip())));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", CARD_TYPE);
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "message");
        if (recipient != null) {
            envelope.put("recipient", Map.of("email", recipient));
        }
        envelope.put("attachments", List.of(attachment));
        return envelope;
    }
}
