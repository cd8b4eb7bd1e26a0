package io.rollcall.scim.filter;

import io.rollcall.scim.ScimProblem;

/** The one way filter problems leave this package: 400 {@code invalidFilter}. */
final class FilterErrors {

    private FilterErrors() {
    }

    static ScimProblem invalid(String detail) {
        return ScimProblem.badRequest(ScimProblem.INVALID_FILTER, "invalid filter: " + detail);
    }
}
