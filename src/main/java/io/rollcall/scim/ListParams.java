package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.SearchSpec;
import io.rollcall.scim.filter.ScimFilterParser;
import io.rollcall.scim.patch.JsonFields;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * The list parameters of RFC 7644 section 3.4.2 (query string or a {@code .search} body), validated: startIndex is
 * 1-based and below 1 means 1, count below 0 means 0, and count is capped at {@link #MAX_RESULTS}, which the
 * ServiceProviderConfig advertises as filter.maxResults.
 */
public record ListParams(SearchSpec spec, Projection projection, int startIndex, String cursorScope) {

    public static final int MAX_RESULTS = 200;
    public static final int DEFAULT_COUNT = 100;

    /** Index paging. */
    public ListParams(SearchSpec spec, Projection projection, int startIndex) {
        this(spec, projection, startIndex, null);
    }

    public static ListParams of(
            String filter,
            String sortBy,
            String sortOrder,
            String startIndex,
            String count,
            String attributes,
            String excludedAttributes) {
        return of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, null);
    }

    /**
     * With {@code cursor} (RFC 9865; empty for the first page) the list pages by a keyset on the id instead of by
     * index: {@code startIndex} and {@code sortBy} do not combine with it.
     */
    public static ListParams of(
            String filter,
            String sortBy,
            String sortOrder,
            String startIndex,
            String count,
            String attributes,
            String excludedAttributes,
            String cursor) {
        if (cursor != null) {
            return cursorPaging(filter, sortBy, startIndex, count, attributes, excludedAttributes, cursor);
        }
        int start = Math.max(1, integer(startIndex, 1, "startIndex"));
        int size = Math.min(MAX_RESULTS, Math.max(0, integer(count, DEFAULT_COUNT, "count")));
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            String order = sortOrder.trim().toLowerCase(Locale.ROOT);
            if (!order.equals("ascending") && !order.equals("descending")) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "sortOrder is ascending or descending");
            }
            descending = order.equals("descending");
        }
        AttributeReference sort = null;
        if (sortBy != null && !sortBy.isBlank()) {
            try {
                sort = new AttributeReference(sortBy.trim());
            } catch (RuntimeException e) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "sortBy is not an attribute path");
            }
        }
        return new ListParams(
                new SearchSpec(
                        filter == null || filter.isBlank() ? null : ScimFilterParser.parse(filter),
                        sort,
                        descending,
                        start - 1,
                        size),
                Projection.of(attributes, excludedAttributes),
                start);
    }

    private static ListParams cursorPaging(
            String filter,
            String sortBy,
            String startIndex,
            String count,
            String attributes,
            String excludedAttributes,
            String cursor) {
        if (startIndex != null && !startIndex.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "startIndex and cursor exclude each other");
        }
        if (sortBy != null && !sortBy.isBlank()) {
            throw ScimProblem.badRequest(
                    ScimProblem.INVALID_VALUE, "cursor paging orders by id; sortBy does not" + " combine with cursor");
        }
        int size = Math.min(MAX_RESULTS, Math.max(0, integer(count, DEFAULT_COUNT, "count")));
        String scope = Cursors.scope(filter);
        String after = cursor.isBlank() ? null : Cursors.decode(cursor, scope);
        return new ListParams(
                new SearchSpec(
                        filter == null || filter.isBlank() ? null : ScimFilterParser.parse(filter),
                        null,
                        false,
                        0,
                        size,
                        new SearchSpec.Keyset(after)),
                Projection.of(attributes, excludedAttributes),
                1,
                scope);
    }

    /** From a SearchRequest body (POST .search). */
    public static ListParams of(JsonNode search) {
        if (search == null || !search.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "a SearchRequest must be a JSON object");
        }
        return of(
                text(search, "filter"),
                text(search, "sortBy"),
                text(search, "sortOrder"),
                text(search, "startIndex"),
                text(search, "count"),
                list(search, "attributes"),
                list(search, "excludedAttributes"),
                text(search, "cursor"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = JsonFields.get(node, name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String list(JsonNode node, String name) {
        JsonNode value = JsonFields.get(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
            return joined.toString();
        }
        return value.asText();
    }

    private static int integer(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, name + " must be an integer");
        }
    }
}
