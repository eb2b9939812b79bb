package io.upright.platform.notes;

import java.util.UUID;

/** A tiny aggregate that exercises the chassis in tests. */
public sealed interface NoteEvent {
    record NoteWritten(UUID noteId, String text) implements NoteEvent {
    }

    record NoteEdited(UUID noteId, String text) implements NoteEvent {
    }
}
