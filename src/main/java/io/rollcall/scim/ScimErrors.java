package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.RequestIds;
import jakarta.ws.rs.core.Response;

/** Builds SCIM error responses (RFC 7644 section 3.12) with {@code application/scim+json}. */
public final class ScimErrors {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrors() {}

    /**
     * <pre>{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
     * "detail":"..."}</pre>
     */
    public static ObjectNode body(int status, String scimType, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(SCHEMA);
        // RFC 7644 section 3.12 types status as a string.
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        if (detail != null) {
            body.put("detail", detail);
        }
        String requestId = RequestIds.current();
        if (requestId != null && status >= 500) {
            body.put("detail", (detail == null ? "internal error" : detail) + " (request id " + requestId + ")");
        }
        return body;
    }

    public static Response response(int status, String scimType, String detail) {
        return Response.status(status)
                .type(ScimMediaTypes.SCIM_JSON)
                .entity(body(status, scimType, detail))
                .build();
    }
}
