package io.upright.platform.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name and schema version under which an event record is stored. Stored history refers to this name, never to
 * the Java class, so a class can be renamed or moved without touching a row. A change to an event's shape that old
 * rows cannot be read as is a new {@link #version()}, with an {@link EventUpcaster} from the old one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

    /** The stored name: a past-tense fact, unique among the events of one aggregate. */
    String value();

    /** The schema version new events are written with; rows of older versions are upcast on load. */
    int version() default 1;
}
