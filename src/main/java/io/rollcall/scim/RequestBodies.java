package io.rollcall.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses SCIM request bodies: malformed JSON is a 400 invalidSyntax and oversized bodies a 413, never a 500. */
public final class RequestBodies {

    /** Advertised as bulk.maxPayloadSize too. */
    public static final int MAX_BYTES = 1_048_576;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RequestBodies() {
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "the request body is empty");
        }
        if (body.length() > MAX_BYTES) {
            throw new ScimProblem(413, null, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "the request body is not valid JSON");
        }
    }
}
