package io.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.application.scim.ScimProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One PATCH operation; {@code op} is matched case-insensitively because Entra sends {@code Replace} and {@code Add}. */
public record PatchOperation(Op op, PatchPath path, JsonNode value) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_OPERATIONS = 1000;

    /** The three RFC operations. */
    public enum Op {
        ADD,
        REMOVE,
        REPLACE
    }

    /**
     * Reads a PatchOp request body.
     *
     * @throws ScimProblem 400 invalidSyntax / invalidPath / invalidValue
     */
    public static List<PatchOperation> parseRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw syntax("a PATCH body must be a JSON object");
        }
        JsonNode schemas = body.get("schemas");
        boolean hasSchema = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                hasSchema |= SCHEMA.equals(schema.asText());
            }
        }
        if (!hasSchema) {
            throw syntax("schemas must contain " + SCHEMA);
        }
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw syntax("Operations must be a non-empty array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimProblem.badRequest(ScimProblem.TOO_MANY, "at most " + MAX_OPERATIONS + " operations");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        for (JsonNode operation : operations) {
            parsed.add(parse(operation));
        }
        return parsed;
    }

    static PatchOperation parse(JsonNode operation) {
        if (!operation.isObject() || !operation.path("op").isTextual()) {
            throw syntax("each operation needs an 'op'");
        }
        Op op;
        try {
            op = Op.valueOf(operation.get("op").asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw syntax("op must be add, remove or replace");
        }
        JsonNode pathNode = operation.get("path");
        if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "path must be a string");
        }
        PatchPath path = pathNode == null || pathNode.isNull() ? null : PatchPath.parse(pathNode.asText());
        JsonNode value = operation.get("value");
        if (op != Op.REMOVE && (value == null || value.isMissingNode())) {
            throw ScimProblem.badRequest(
                    ScimProblem.INVALID_VALUE, op.name().toLowerCase(Locale.ROOT) + " needs a value");
        }
        if (op == Op.REMOVE && path == null) {
            throw ScimProblem.badRequest(ScimProblem.NO_TARGET, "remove needs a path");
        }
        if (path == null && !value.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "without a path, the value must be an object");
        }
        return new PatchOperation(op, path, value);
    }

    private static ScimProblem syntax(String detail) {
        return ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, detail);
    }
}
