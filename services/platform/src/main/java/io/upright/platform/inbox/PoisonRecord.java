package io.upright.platform.inbox;

/** A record that can never be processed (not a valid Upright CloudEvent); it goes to the dead-letter topic. */
public class PoisonRecord extends RuntimeException {

    public PoisonRecord(String message) {
        super(message);
    }

    public PoisonRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
