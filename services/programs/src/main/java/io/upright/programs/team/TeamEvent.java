package io.upright.programs.team;

import java.time.Instant;
import java.util.UUID;

/** What happened to a team, as stored in the programs event store. */
public sealed interface TeamEvent {

    record TeamFormed(UUID teamId, String name, Instant formedAt) implements TeamEvent {
    }
}
