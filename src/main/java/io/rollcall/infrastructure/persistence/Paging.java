package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.shared.Page;
import jakarta.persistence.TypedQuery;

/** Runs a page query and its count query: paging always happens in the database. */
final class Paging {

    private Paging() {}

    static <T> Page<T> page(TypedQuery<T> items, TypedQuery<Long> count, int offset, int limit) {
        long total = count.getSingleResult();
        if (limit == 0 || offset >= total) {
            return new Page<>(java.util.List.of(), total);
        }
        return new Page<>(items.setFirstResult(offset).setMaxResults(limit).getResultList(), total);
    }

    /** Escapes LIKE wildcards so that user input is matched literally. */
    static String containsPattern(String query) {
        String escaped = query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
