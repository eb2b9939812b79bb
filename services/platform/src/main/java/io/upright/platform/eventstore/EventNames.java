package io.upright.platform.eventstore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored names of one aggregate's events, read from their {@link EventName} annotations. Every record behind the
 * sealed interface must carry one, and two records of one aggregate may not share a name.
 */
public final class EventNames {

    private final Map<String, Class<?>> byName;
    private final Map<Class<?>, EventName> byType;

    private EventNames(Map<String, Class<?>> byName, Map<Class<?>, EventName> byType) {
        this.byName = byName;
        this.byType = byType;
    }

    public static EventNames of(Class<?> sealedEventType) {
        if (!sealedEventType.isSealed()) {
            throw new IllegalArgumentException(sealedEventType.getName() + " must be a sealed interface of event records");
        }
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        Map<Class<?>, EventName> byType = new HashMap<>();
        for (Class<?> permitted : sealedEventType.getPermittedSubclasses()) {
            EventName name = permitted.getAnnotation(EventName.class);
            if (name == null) {
                throw new IllegalStateException(permitted.getName() + " has no @EventName: its stored name must not follow the class name");
            }
            if (name.version() < 1) {
                throw new IllegalStateException(permitted.getName() + " has a version below 1");
            }
            Class<?> clash = byName.put(name.value(), permitted);
            if (clash != null) {
                throw new IllegalStateException(clash.getName() + " and " + permitted.getName() + " share the stored name " + name.value());
            }
            byType.put(permitted, name);
        }
        return new EventNames(Map.copyOf(byName), Map.copyOf(byType));
    }

    /** The record stored under {@code name}, or null. */
    public Class<?> type(String name) {
        return byName.get(name);
    }

    public EventName nameOf(Class<?> eventClass) {
        EventName name = byType.get(eventClass);
        if (name == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not an event of this aggregate");
        }
        return name;
    }

    /** Every stored name with its current version, e.g. {@code TeamFormed.v1}, for tests that pin them. */
    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        byName.forEach((name, type) -> versions.put(name, byType.get(type).version()));
        return versions;
    }
}
