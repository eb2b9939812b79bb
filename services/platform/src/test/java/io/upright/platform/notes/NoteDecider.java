package io.upright.platform.notes;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.Rejection;

import java.util.List;
import java.util.UUID;

public class NoteDecider implements Decider<NoteDecider.Command, NoteDecider.Note, NoteEvent> {

    public sealed interface Command {
    }

    public record WriteNote(UUID noteId, String text) implements Command {
    }

    public record EditNote(UUID noteId, String text) implements Command {
    }

    public record Note(UUID id, String text) {
        boolean exists() {
            return id != null;
        }
    }

    @Override
    public Note initialState() {
        return new Note(null, null);
    }

    @Override
    public List<NoteEvent> decide(Command command, Note state) {
        if (command instanceof WriteNote write) {
            if (state.exists()) {
                throw Rejection.conflict("note exists");
            }
            return List.of(new NoteEvent.NoteWritten(write.noteId(), write.text()));
        }
        if (command instanceof EditNote edit) {
            if (!state.exists()) {
                throw Rejection.notFound("Note " + edit.noteId());
            }
            return List.of(new NoteEvent.NoteEdited(edit.noteId(), edit.text()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Note evolve(Note state, NoteEvent event) {
        if (event instanceof NoteEvent.NoteWritten written) {
            return new Note(written.noteId(), written.text());
        }
        if (event instanceof NoteEvent.NoteEdited edited) {
            return new Note(state.id(), edited.text());
        }
        return state;
    }
}
