package io.rollcall.scim.filter;

import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * One list request after validation: an optional filter, an optional sort attribute, and a 0-based offset and a limit
 * already clamped to the advertised maximum.
 */
public record SearchSpec(ParsedFilter filter, AttributeReference sortBy, boolean descending, int offset, int limit) {
}
