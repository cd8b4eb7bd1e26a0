package io.rollcall.infrastructure.persistence.scim;

/**
 * A filterable, sortable, single-valued SCIM attribute stored in one entity field.
 *
 * @param field the JPA attribute holding the value
 * @param lowerField a JPA attribute holding the value in lower case (indexed), or null to lower-case in the query
 */
public record ColumnAttribute(ValueKind kind, boolean caseExact, String field, String lowerField) {

    public static ColumnAttribute string(String field, boolean caseExact) {
        return new ColumnAttribute(ValueKind.STRING, caseExact, field, null);
    }

    public static ColumnAttribute caseIgnoredWithLowerColumn(String field, String lowerField) {
        return new ColumnAttribute(ValueKind.STRING, false, field, lowerField);
    }

    public static ColumnAttribute bool(String field) {
        return new ColumnAttribute(ValueKind.BOOLEAN, true, field, null);
    }

    public static ColumnAttribute dateTime(String field) {
        return new ColumnAttribute(ValueKind.DATE_TIME, true, field, null);
    }
}
