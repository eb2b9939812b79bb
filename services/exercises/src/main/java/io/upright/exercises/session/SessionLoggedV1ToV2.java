package io.upright.exercises.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.platform.eventstore.EventUpcaster;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a stored {@code SessionLogged} v1 (whole {@code minutes}) as v2 ({@code seconds}): exactly
 * {@code minutes × 60}. The row itself is never rewritten.
 */
@ApplicationScoped
public class SessionLoggedV1ToV2 implements EventUpcaster {

    @Override
    public Class<?> events() {
        return SessionEvent.class;
    }

    @Override
    public String eventName() {
        return "SessionLogged";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        int minutes = payload.path("minutes").asInt();
        payload.remove("minutes");
        payload.put("seconds", Math.multiplyExact(minutes, 60));
        return payload;
    }
}
