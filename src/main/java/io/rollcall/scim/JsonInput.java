package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.patch.JsonFields;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** Strict readers for SCIM request values: wrong types and unknown members are 400s, never guesses. */
final class JsonInput {

    private JsonInput() {}

    /** An attribute we do not know or store: invalidValue in a body, invalidPath when a PATCH path named it. */
    static final class UnknownAttribute extends ScimProblem {

        private static final long serialVersionUID = 1L;

        UnknownAttribute(String name) {
            super(400, ScimProblem.INVALID_VALUE, "attribute '" + name + "' is unknown or not supported");
        }

        ScimProblem asPathProblem() {
            return ScimProblem.badRequest(ScimProblem.INVALID_PATH, getMessage());
        }
    }

    /** Refuses members of {@code object} not in {@code allowed} (lower-case names). */
    static void onlyKnown(JsonNode object, Set<String> allowed, String where) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name.toLowerCase(Locale.ROOT))) {
                throw new UnknownAttribute(where + name);
            }
        }
    }

    static String string(JsonNode object, String name, int maxLength) {
        JsonNode value = JsonFields.get(object, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "'" + name + "' must be a string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "'" + name + "' is longer than " + maxLength);
        }
        return text.isEmpty() ? null : text;
    }

    /** Booleans, also as the strings "True"/"False" that Entra sends. */
    static Boolean bool(JsonNode object, String name) {
        JsonNode value = JsonFields.get(object, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()
                && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()))) {
            return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
        }
        throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "'" + name + "' must be true or false");
    }

    static ObjectNode object(JsonNode parent, String name) {
        JsonNode value = JsonFields.get(parent, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "'" + name + "' must be an object");
        }
        return (ObjectNode) value;
    }
}
