package io.upright.contracts;

/**
 * One versioned integration event type: its CloudEvents {@code type} string, owner and Java record.
 * A breaking change is a new version with a new record; consumers upcast the old one.
 */
public record EventType<E extends IntegrationEvent>(UprightService owner, String name, int version, Class<E> javaType) {

    public String ceType() {
        return "upright." + owner.slug() + "." + name + ".v" + version;
    }

    public String topic() {
        return owner.topic();
    }
}
