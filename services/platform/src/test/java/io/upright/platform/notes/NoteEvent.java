package io.upright.platform.notes;

import io.upright.platform.eventstore.EventName;

import java.util.List;
import java.util.UUID;

/** A tiny aggregate that exercises the chassis in tests. */
public sealed interface NoteEvent {
    @EventName("NoteWritten")
    record NoteWritten(UUID noteId, String text) implements NoteEvent {
    }

    @EventName("NoteEdited")
    record NoteEdited(UUID noteId, String text) implements NoteEvent {
    }

    /**
     * The upcasting example: version 1 stored one {@code tag}; version 2 stores a list of {@code tags}. Rows written
     * as version 1 stay as they are and are read through {@link NoteTaggedV1ToV2}.
     */
    @EventName(value = "NoteTagged", version = 2)
    record NoteTagged(UUID noteId, List<String> tags) implements NoteEvent {
    }
}
