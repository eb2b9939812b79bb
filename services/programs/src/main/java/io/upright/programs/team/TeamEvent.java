package io.upright.programs.team;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** What happened to a team, as stored in the programs event store. */
public sealed interface TeamEvent {

    @EventName("TeamFormed")
    record TeamFormed(UUID teamId, String name, Instant formedAt) implements TeamEvent {
    }
}
