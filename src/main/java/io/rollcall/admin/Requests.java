package io.rollcall.admin;

import io.rollcall.domain.shared.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the admin API, and strict reading of PATCH objects (absent, null and wrong types told apart). */
public final class Requests {

    private Requests() {}

    public record CreateWorkspace(String id, String name) {}

    public record AcceptInvite(String token) {}

    public record CreateGroup(String name, String description, String membershipType, String role) {}

    public record AddGroupMember(String memberId) {}

    public record CreateRole(String id, String name, String description, List<String> permissions) {}

    public record AuthzCheck(String member, String permission) {}

    public record CreateToken(String name, Integer expiresInDays) {}

    public record ClaimRule(String claim, String match, String value) {}

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON request body is required");
        }
        return body;
    }

    /** Refuses members the endpoint does not know, so that a typo is an error rather than a silent no-op. */
    static JsonObject onlyKnown(JsonObject body, Set<String> known) {
        required(body);
        for (String key : body.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(key, "unknown field '" + key + "'; allowed: " + known);
            }
        }
        return body;
    }

    static String string(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(key, "'" + key + "' must be a string");
        }
        return ((JsonString) value).getString();
    }

    static Boolean bool(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new InvalidInputException(key, "'" + key + "' must be true or false");
    }

    static List<String> strings(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(key, "'" + key + "' must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInputException(key, "'" + key + "' must be an array of strings");
            }
            result.add(((JsonString) item).getString());
        }
        return result;
    }

    /**
     * A JSON value as plain Java, the way a JWT library exposes claims: {@code String}, {@code Long} or
     * {@code BigDecimal}, {@code Boolean}, {@code List}, {@code Map} (member order kept), {@code null}.
     */
    static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                jakarta.json.JsonNumber number = (jakarta.json.JsonNumber) value;
                yield number.isIntegral() ? (Object) number.bigDecimalValue().toBigInteger() : number.bigDecimalValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(Requests::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
        };
    }

    static JsonObject object(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(key, "'" + key + "' must be an object");
        }
        return value.asJsonObject();
    }
}
