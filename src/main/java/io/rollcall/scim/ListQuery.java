package io.rollcall.scim;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a SCIM list request (RFC 7644 section 3.4.2: filter, sortBy, sortOrder, startIndex, count,
 * attributes, excludedAttributes; RFC 9865: cursor), as every list endpoint reads them; validated by {@link #params}.
 */
public class ListQuery {

    @QueryParam("filter")
    String filter;

    @QueryParam("sortBy")
    String sortBy;

    @QueryParam("sortOrder")
    String sortOrder;

    @QueryParam("startIndex")
    String startIndex;

    @QueryParam("count")
    String count;

    @QueryParam("attributes")
    String attributes;

    @QueryParam("excludedAttributes")
    String excludedAttributes;

    @QueryParam("cursor")
    String cursor;

    /** @throws io.rollcall.application.scim.ScimProblem 400 for a malformed parameter, as {@link ListParams} says */
    public ListParams params() {
        return ListParams.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, cursor);
    }
}
