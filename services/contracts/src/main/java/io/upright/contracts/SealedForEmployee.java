package io.upright.contracts;

import java.util.UUID;

/**
 * An event that says something about one employee's health or workday (scores, findings, routines, ratings, team
 * and hours). Its payload travels on Kafka sealed under that employee's topic key, not as readable JSON: when the
 * employee is erased the key is destroyed, and every copy of the record (topic, dead-letter topic, replay) turns
 * unreadable at once, though Kafka itself never deletes it. Only the employee id, already the record key, stays
 * visible.
 */
public interface SealedForEmployee extends IntegrationEvent {

    /** Whose key seals the payload. */
    UUID employeeId();
}
