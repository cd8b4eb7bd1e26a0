package io.rollcall.application.scim;

/** The one way filter problems are raised, by the parser and by the translation into a query: 400 invalidFilter. */
public final class FilterErrors {

    private FilterErrors() {}

    /** A {@link ScimProblem} 400 {@code invalidFilter} (RFC 7644 section 3.12) with this client-facing detail. */
    public static ScimProblem invalid(String detail) {
        return ScimProblem.badRequest(ScimProblem.INVALID_FILTER, "invalid filter: " + detail);
    }
}
