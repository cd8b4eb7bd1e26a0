package io.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/** Case-insensitive access to JSON object members: SCIM attribute names are case-insensitive (RFC 7643 2.1). */
public final class JsonFields {

    private JsonFields() {}

    /** The member name as present in {@code object}, or {@code name} itself when absent. */
    public static String key(JsonNode object, String name) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return name;
    }

    /** The member's value, or null when absent. */
    public static JsonNode get(JsonNode object, String name) {
        return object == null || !object.isObject() ? null : object.get(key(object, name));
    }

    public static void set(ObjectNode object, String name, JsonNode value) {
        object.set(key(object, name), value);
    }

    public static void remove(ObjectNode object, String name) {
        object.remove(key(object, name));
    }
}
