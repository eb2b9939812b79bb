package io.upright.reminders.chat;

import com.fasterxml.jackson.annotation.JsonValue;

import java.net.URI;

/**
 * The chat tools a tenant can have reminders posted to. Both take a credential-bearing incoming-webhook URL and
 * share one lifecycle; what differs is carried here. How a reminder looks (Slack Block Kit, a Teams Adaptive Card)
 * stays with each tool's own formatter ({@code SlackBlocks}, {@code TeamsCard}).
 */
public enum ChatChannelKind {

    // a Slack incoming webhook posts into one shared channel: only team breaks go there, personal reminders go by the
    // Slack app's direct messages (slackapp)
    SLACK("slack", "Slack", "slack-channel", "Slack answered 410 Gone", false, false),
    // a workflow URL carries its signature in the query: its last characters tell channels apart
    TEAMS("teams", "Teams", "teams-channel", "the Teams workflow answered 410 Gone", true, true);

    private final String channel;
    private final String displayName;
    private final String streamType;
    private final String goneReason;
    private final boolean hintFromQuery;
    private final boolean personalReminders;

    ChatChannelKind(String channel, String displayName, String streamType, String goneReason, boolean hintFromQuery,
                    boolean personalReminders) {
        this.channel = channel;
        this.displayName = displayName;
        this.streamType = streamType;
        this.goneReason = goneReason;
        this.hintFromQuery = hintFromQuery;
        this.personalReminders = personalReminders;
    }

    /**
     * Whether a channel of this kind takes each person's own reminders. A shared channel does not: there it would
     * be everyone's message, answerable by anyone; it only announces a team's break, once for the team.
     */
    public boolean personalReminders() {
        return personalReminders;
    }

    /** The delivery channel's name, as in {@code BreakReminderSent.channel}; also the kind as stored in events. */
    @JsonValue
    public String channel() {
        return channel;
    }

    /** How messages and problems name the tool ("Slack channel …"). */
    public String displayName() {
        return displayName;
    }

    /** Each kind keeps its own event stream type, as before the two were unified. */
    public String streamType() {
        return streamType;
    }

    /** Why a channel is disabled when its webhook answers 410 Gone. */
    public String goneReason() {
        return goneReason;
    }

    /**
     * {@code https://hooks.slack.com/…AbCd}: the scheme, host and the last four characters of the path (for Teams,
     * of the path and query). Enough to tell channels apart, not enough to post to one.
     */
    public String hint(URI url) {
        String rest = url.getRawPath() == null ? "" : url.getRawPath();
        if (hintFromQuery && url.getRawQuery() != null) {
            rest = rest + "?" + url.getRawQuery();
        }
        String tail = rest.length() > 4 ? rest.substring(rest.length() - 4) : "";
        return url.getScheme() + "://" + url.getRawAuthority() + "/…" + tail;
    }
}
