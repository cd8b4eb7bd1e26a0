package io.rollcall.application.scim;

import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * One list request after validation: an optional filter, an optional sort attribute, and a 0-based offset and a limit
 * already clamped to the advertised maximum.
 */
public record SearchSpec(
        ParsedFilter filter, AttributeReference sortBy, boolean descending, int offset, int limit, Keyset keyset) {

    /** Index paging (RFC 7644). */
    public SearchSpec(ParsedFilter filter, AttributeReference sortBy, boolean descending, int offset, int limit) {
        this(filter, sortBy, descending, offset, limit, null);
    }

    /**
     * Cursor paging (RFC 9865) as a keyset on the id: the items after {@code afterId} (null: from the start) in id
     * order, and one more than the limit so that the caller knows whether a next page exists. Rows inserted or
     * deleted meanwhile never make a page repeat or skip a row that exists throughout.
     */
    public record Keyset(String afterId) {}
}
