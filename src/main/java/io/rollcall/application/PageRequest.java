package io.rollcall.application;

import io.rollcall.domain.shared.InvalidInputException;

/** Offset paging as the admin API takes it: {@code ?page=} (from 0) and {@code ?size=} (1 to {@value #MAX_SIZE}). */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Parses the query parameters; absent ones take their defaults. */
    public static PageRequest of(String page, String size) {
        return of(parse("page", page), parse("size", size));
    }

    private static Integer parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + field + "' must be a whole number");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidInputException("page", "'page' must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "'size' must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "'page' is too large");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
