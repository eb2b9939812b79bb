package io.upright.reminders.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Microsoft Teams channels ({@link ChatChannelKind#TEAMS}) in their own table. */
@Entity
@Table(name = "teams_channel")
public class TeamsChannelRecord extends ChatChannelRecord {
}
