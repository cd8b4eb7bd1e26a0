package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.application.scim.FilterErrors;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Locale;
import java.util.Map;

/**
 * A multi-valued SCIM attribute stored as child rows (emails, phoneNumbers, group memberships). Filters on it become
 * an EXISTS subquery over those rows, correlated to the resource, so that the database does the matching.
 *
 * @param subAttributes lower-case sub-attribute name to its column in the child entity
 */
public record MultiValuedAttribute(
        String name, Class<?> entity, Correlation correlation, Map<String, ColumnAttribute> subAttributes) {

    /** Ties a child row to the resource row of the outer query. */
    @FunctionalInterface
    public interface Correlation {
        Predicate correlate(CriteriaBuilder cb, Subquery<?> subquery, Root<?> child, From<?, ?> resource);
    }

    /** The sub-attribute, {@code value} when none is named (RFC 7644: "emails co ..." means emails.value). */
    public ColumnAttribute sub(String subName) {
        String key = subName == null ? "value" : subName.toLowerCase(Locale.ROOT);
        ColumnAttribute attribute = subAttributes.get(key);
        if (attribute == null) {
            throw FilterErrors.invalid("'" + name + "' has no filterable sub-attribute '" + subName + "'");
        }
        return attribute;
    }
}
