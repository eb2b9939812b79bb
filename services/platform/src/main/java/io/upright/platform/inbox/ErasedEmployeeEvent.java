package io.upright.platform.inbox;

import java.util.UUID;

/**
 * The payload of a record that was sealed for an employee who has since been erased: their key is gone, so nothing
 * in it can be read. Consumers match on the contract types they know, so they pass over it; it is not a poison
 * record, since nothing is wrong with it.
 */
public record ErasedEmployeeEvent(String type, UUID employeeId) {
}
