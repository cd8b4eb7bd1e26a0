package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.application.scim.FilterErrors;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * What a SCIM resource type exposes to filters and sorting, keyed by lower-case attribute path; extension attributes
 * are keyed by their full URN path ({@code urn:...:enterprise:2.0:user:department}). Attribute names are
 * case-insensitive (RFC 7643 section 2.1).
 */
public record ResourceSchema(
        Class<?> entity,
        String coreSchemaUrn,
        Set<String> extensionUrns,
        Map<String, ColumnAttribute> columns,
        Map<String, MultiValuedAttribute> multiValued) {

    /** Either a column of the resource or a sub-attribute of one of its multi-valued attributes. */
    public record Resolved(ColumnAttribute column, MultiValuedAttribute multiValued) {}

    public Resolved resolve(AttributeReference reference) {
        String urn = reference.getUrn() == null ? null : reference.getUrn().toLowerCase(Locale.ROOT);
        String name = lower(reference.getAttributeName());
        String sub = reference.getSubAttributeName() == null ? null : lower(reference.getSubAttributeName());
        String prefix = "";
        if (urn != null && !urn.equals(coreSchemaUrn.toLowerCase(Locale.ROOT))) {
            if (!extensionUrns.contains(urn)) {
                throw FilterErrors.invalid("unknown schema '" + reference.getUrn() + "'");
            }
            prefix = urn + ":";
        }
        String path = prefix + name + (sub == null ? "" : "." + sub);
        ColumnAttribute column = columns.get(path);
        if (column == null && sub == null) {
            // A complex single-valued attribute filtered without sub-attribute (manager eq "x") means its value.
            column = columns.get(path + ".value");
        }
        if (column != null) {
            return new Resolved(column, null);
        }
        MultiValuedAttribute multi = prefix.isEmpty() ? multiValued.get(name) : null;
        if (multi != null) {
            return new Resolved(multi.sub(sub), multi);
        }
        throw FilterErrors.invalid(
                "unknown or unfilterable attribute '" + reference.getFullyQualifiedAttributeName() + "'");
    }

    /** The multi-valued attribute named by a value path ({@code emails[...]}). */
    public MultiValuedAttribute multiValued(AttributeReference reference) {
        MultiValuedAttribute multi = multiValued.get(lower(reference.getAttributeName()));
        if (multi == null || (reference.getUrn() != null && !reference.getUrn().equalsIgnoreCase(coreSchemaUrn))) {
            throw FilterErrors.invalid(
                    "'" + reference.getFullyQualifiedAttributeName() + "' is not a multi-valued attribute");
        }
        return multi;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
