package io.upright.reminders.slackapp;

import io.upright.reminders.reminder.ReminderMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Block Kit message of a break reminder: the text in a section, then Done / Snooze 10 min / Skip buttons and
 * Show my routine (which opens the person's own suggestion in a modal).
 * Each button's value is {@code <action>:<reminderId>} and nothing more: what Done records (the employee's routine
 * and its minutes, or a walk) is kept on the reminder, never written into a channel the employer can read.
 */
public final class SlackBlocks {

    public static final String ACTIONS_BLOCK = "upright-break";
    /** The label of the button that opens the person's own suggestion: one fixed text, the same for everyone. */
    public static final String SHOW_SUGGESTION = "Show my routine";

    private SlackBlocks() {
    }

    public static Map<String, Object> of(ReminderMessage message) {
        String id = message.reminderId().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", message.message()); // notification and fallback text
        if (!message.answerable()) {
            // a nudge (a desk check, a sitting check-in): nothing to answer here
            body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "plain_text", "text", message.message(), "emoji", true))));
            return body;
        }
        body.put("blocks", List.of(
                // plain text: nothing in it is ever read as markup or a mention
                Map.of("type", "section", "text", Map.of("type", "plain_text", "text", message.message(), "emoji", true)),
                Map.of("type", "actions", "block_id", ACTIONS_BLOCK, "elements", List.of(
                        button(SlackAction.DONE, "Done", SlackAction.DONE + ":" + id, true),
                        button(SlackAction.SNOOZE, "Snooze 10 min", SlackAction.SNOOZE + ":" + id, false),
                        button(SlackAction.SKIP, "Skip", SlackAction.SKIP + ":" + id, false),
                        // the same button for everyone; what it shows is fetched for the presser alone
                        button(SlackAction.SUGGESTION, SHOW_SUGGESTION, SlackAction.SUGGESTION + ":" + id, false)))));
        return body;
    }

    /** A shared channel's announcement of a team break: the words only, no buttons, since anyone there reads it. */
    public static Map<String, Object> announcement(ReminderMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", message.message());
        body.put("blocks", List.of(section(message.message())));
        return body;
    }

    /**
     * The message once answered ("Done ✓", "Snoozed until 10:40", "Skipped"): the buttons are gone, so it cannot be
     * answered twice. Replaces the original through the interaction's response_url.
     */
    public static Map<String, Object> answered(String originalText, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replace_original", true);
        body.put("text", outcome);
        body.put("blocks", List.of(section(originalText),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", "*" + outcome + "*")))));
        return body;
    }

    /**
     * The modal "Show my routine" opens: what this break suggests to the person, fetched when they press. A modal is
     * shown to the presser alone and is not a message, so no channel history or workspace export holds it.
     */
    public static Map<String, Object> suggestionModal(String text) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "modal");
        view.put("title", Map.of("type", "plain_text", "text", "Your break"));
        view.put("close", Map.of("type", "plain_text", "text", "Close"));
        view.put("blocks", List.of(section(text), Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "Only you see this. Any pain, numbness or weakness: stop, and see a clinician.")))));
        return view;
    }

    /** A note only the person who pressed sees; the message stays as it was. */
    public static Map<String, Object> ephemeral(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", text);
        return body;
    }

    private static Map<String, Object> section(String text) {
        // plain text: nothing in it is ever read as markup or a mention
        return Map.of("type", "section", "text", Map.of("type", "plain_text", "text", text, "emoji", true));
    }

    private static Map<String, Object> button(String actionId, String label, String value, boolean primary) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("type", "button");
        button.put("action_id", actionId);
        button.put("text", Map.of("type", "plain_text", "text", label));
        button.put("value", value);
        if (primary) {
            button.put("style", "primary");
        }
        return button;
    }
}
