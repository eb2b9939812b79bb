package io.upright.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, as every list endpoint returns it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
