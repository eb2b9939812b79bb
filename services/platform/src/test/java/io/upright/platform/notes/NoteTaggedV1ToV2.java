package io.upright.platform.notes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.platform.eventstore.EventUpcaster;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a stored {@code NoteTagged} v1 ({@code tag}: one string) as v2 ({@code tags}: a list). */
@ApplicationScoped
public class NoteTaggedV1ToV2 implements EventUpcaster {

    @Override
    public Class<?> events() {
        return NoteEvent.class;
    }

    @Override
    public String eventName() {
        return "NoteTagged";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        String tag = payload.path("tag").asText(null);
        payload.remove("tag");
        var tags = payload.putArray("tags");
        if (tag != null) {
            tags.add(tag);
        }
        return payload;
    }
}
