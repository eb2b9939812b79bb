package io.upright.contracts;

/**
 * A fact one service publishes for the others. Payloads carry pseudonymous ids only: never names, emails,
 * chat handles, free text or pain values.
 */
public interface IntegrationEvent {

    /** CloudEvents {@code subject}: the id of the aggregate the event is about. */
    String subject();

    /**
     * Kafka record key: the employee when the event concerns one (so an employee's events stay ordered),
     * otherwise the aggregate.
     */
    String key();
}
