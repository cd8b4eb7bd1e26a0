package io.rollcall.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a listing with the total count of the whole listing. */
public record Page<T>(List<T> items, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total);
    }
}
