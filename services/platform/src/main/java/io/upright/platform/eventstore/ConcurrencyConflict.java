package io.upright.platform.eventstore;

import io.upright.platform.problem.ProblemException;

import java.util.List;

/** Another writer appended to the stream first; the caller should reload and retry. */
public class ConcurrencyConflict extends ProblemException {

    public ConcurrencyConflict(String detail) {
        super(409, "concurrent-modification", "Concurrent modification", detail, List.of());
    }
}
