package io.rollcall.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.UnicodeText;
import java.util.Map;

/**
 * Parses SCIM request bodies: malformed JSON is a 400 invalidSyntax, invalid Unicode a 400 invalidValue and oversized
 * bodies a 413, never a 500.
 */
public final class RequestBodies {

    /** Advertised as bulk.maxPayloadSize too. */
    public static final int MAX_BYTES = 1_048_576;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RequestBodies() {}

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "the request body is empty");
        }
        if (body.length() > MAX_BYTES) {
            throw new ScimProblem(413, null, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "the request body is not valid JSON");
        }
        requireValidUnicode(document);
        return document;
    }

    /**
     * JSON's escapes such as {@code \\uD800} can spell a lone UTF-16 surrogate, which is no Unicode character (RFC 8259
     * section 8.2): UTF-8 cannot store it (MariaDB kept a '?', after a 201). Refused in every name and string value of
     * the body, so no attribute can acknowledge what the database cannot keep.
     *
     * @throws ScimProblem 400 {@code invalidValue}
     */
    static void requireValidUnicode(JsonNode node) {
        if (node.isTextual()) {
            requireValidUnicode(node.textValue());
        } else if (node.isContainerNode()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                requireValidUnicode(member.getKey());
                requireValidUnicode(member.getValue());
            }
            if (node.isArray()) {
                node.forEach(RequestBodies::requireValidUnicode);
            }
        }
    }

    /** @throws ScimProblem 400 {@code invalidValue} when {@code text} holds an unpaired surrogate */
    public static void requireValidUnicode(String text) {
        UnicodeText.requireValid(text);
    }
}
