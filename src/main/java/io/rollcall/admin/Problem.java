package io.rollcall.admin;

import io.rollcall.application.RequestIds;
import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body. {@code code} is a stable machine-readable reason, {@code requestId} ties the
 * response to the server's log lines, {@code field} names the offending input where there is one.
 *
 * <pre>{"type":"https://rollcall.dev/problems/last-owner","title":"Conflict","status":409,
 *  "detail":"member 'a@x.com' is the workspace's last active owner; ...","code":"last-owner","requestId":"..."}</pre>
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "field", "requestId"})
public record Problem(
        String type, String title, int status, String detail, String code, String field, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://rollcall.dev/problems/";

    static Problem of(int status, String title, String code, String detail, String field, String requestId) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, field, requestId);
    }

    /**
     * The problem-details text of an error raised outside JAX-RS (container-level errors), with the current request
     * id; the same members as every other admin API error.
     */
    public static String json(int status, String code, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        var body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + code)
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", detail)
                .add("code", code);
        String requestId = RequestIds.current();
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return body.build().toString();
    }
}
