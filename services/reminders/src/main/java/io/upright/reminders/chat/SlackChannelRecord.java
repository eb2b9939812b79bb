package io.upright.reminders.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Slack channels ({@link ChatChannelKind#SLACK}) in their own table. */
@Entity
@Table(name = "slack_channel")
public class SlackChannelRecord extends ChatChannelRecord {
}
