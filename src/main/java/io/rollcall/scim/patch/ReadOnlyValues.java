package io.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.application.scim.ScimProblem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for read-only attributes (RFC 7643 section 2.2, {@code mutability: readOnly}: {@code id}, {@code meta},
 * a User's {@code groups}) in PUT and PATCH bodies: a client that echoes the current value back (Okta sends the
 * group's own {@code id} with a rename) changes nothing and is accepted; any other value is a 400 {@code mutability}.
 * <p>
 * "The same value" is read leniently where clients round-trip what they were given: object members may be a subset
 * of the current ones (a partial {@code meta}), names are case-insensitive (RFC 7643 section 2.1), times compare as
 * instants, and a multi-valued attribute is the same when it lists the same {@code value}s in any order (its other
 * sub-attributes, such as a group's {@code display} or {@code $ref}, are renderings that go stale or differ by proxy,
 * not values). Absent, null and empty-array values say nothing.
 * Thread-safe (stateless).
 */
public final class ReadOnlyValues {

    private ReadOnlyValues() {}

    /**
     * Refuses any read-only top-level member of {@code sent} whose value differs from {@code current}'s.
     *
     * @param readOnly lower-case attribute names
     * @throws ScimProblem 400 {@code mutability} naming the first attribute that would change
     */
    public static void requireUnchanged(JsonNode sent, JsonNode current, Set<String> readOnly) {
        for (Map.Entry<String, JsonNode> member : sent.properties()) {
            if (readOnly.contains(member.getKey().toLowerCase(java.util.Locale.ROOT))) {
                requireUnchanged(member.getKey(), JsonFields.get(current, member.getKey()), member.getValue());
            }
        }
    }

    /** The same rule for one attribute: {@code current} may be null (the resource has no value). */
    public static void requireUnchanged(String name, JsonNode current, JsonNode sent) {
        if (!same(current, sent)) {
            throw ScimProblem.badRequest(
                    ScimProblem.MUTABILITY,
                    "'" + name + "' is read-only: only its current" + " value may be sent back");
        }
    }

    /** True when {@code sent} restates {@code current} (null: no value) in the sense of the class comment. */
    public static boolean same(JsonNode current, JsonNode sent) {
        if (empty(sent)) {
            return empty(current);
        }
        if (empty(current)) {
            return false;
        }
        if (sent.isObject()) {
            return current.isObject() && subset(current, sent);
        }
        if (sent.isArray()) {
            return current.isArray() && sameElements(current, sent);
        }
        if (sent.isTextual() && current.isTextual()) {
            return sent.asText().equals(current.asText()) || sameInstant(current.asText(), sent.asText());
        }
        return sent.equals(current);
    }

    private static boolean empty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty());
    }

    private static boolean subset(JsonNode current, JsonNode sent) {
        for (Map.Entry<String, JsonNode> member : sent.properties()) {
            if (!same(JsonFields.get(current, member.getKey()), member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(JsonNode current, JsonNode sent) {
        if (current.size() != sent.size()) {
            return false;
        }
        for (JsonNode element : sent) {
            if (!hasMatch(current, element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasMatch(JsonNode elements, JsonNode wanted) {
        JsonNode wantedValue = JsonFields.get(wanted, "value");
        for (JsonNode element : elements) {
            JsonNode value = JsonFields.get(element, "value");
            if (wantedValue != null && value != null ? same(value, wantedValue) : same(element, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a)
                    .toInstant()
                    .equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException notTimes) {
            return false;
        }
    }
}
