package io.upright.platform.eventstore;

import io.upright.platform.notes.NoteEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredEventNamesTest {

    sealed interface Unnamed {
        record SomethingHappened(UUID id) implements Unnamed {
        }
    }

    sealed interface Clashing {
        @EventName("Happened")
        record First(UUID id) implements Clashing {
        }

        @EventName("Happened")
        record Second(UUID id) implements Clashing {
        }
    }

    @Test
    void names_and_versions_come_from_the_annotation_not_the_class() {
        EventNames names = EventNames.of(NoteEvent.class);

        assertThat(names.versions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "NoteWritten", 1, "NoteEdited", 1, "NoteTagged", 2));
        assertThat(names.type("NoteTagged")).isEqualTo(NoteEvent.NoteTagged.class);
        assertThat(names.type("NoteTaggedV2")).isNull();
    }

    @Test
    void an_event_without_a_stored_name_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> EventNames.of(Unnamed.class))
                .hasMessageContaining("SomethingHappened has no @EventName");
    }

    @Test
    void two_events_of_one_aggregate_cannot_share_a_name() {
        assertThatThrownBy(() -> EventNames.of(Clashing.class)).hasMessageContaining("share the stored name Happened");
    }

    @Test
    void an_aggregate_needs_a_sealed_event_interface() {
        assertThatThrownBy(() -> Aggregate.of("thing", Runnable.class, null)).hasMessageContaining("sealed");
        assertThat(Aggregate.of("note", NoteEvent.class, null).streamType()).isEqualTo("note");
        assertThat(List.of(NoteEvent.class.getPermittedSubclasses())).hasSize(3);
    }
}
