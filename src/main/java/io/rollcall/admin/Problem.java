package io.rollcall.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An RFC 9457 problem details body. {@code code} is a stable machine-readable reason, {@code requestId} ties the
 * response to the server's log lines, {@code field} names the offending input where there is one.
 *
 * <pre>{"type":"https://rollcall.dev/problems/last-owner","title":"Conflict","status":409,
 *  "detail":"member 'a@x.com' is the workspace's last active owner; ...","code":"last-owner","requestId":"..."}</pre>
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "field", "requestId"})
public record Problem(String type, String title, int status, String detail, String code, String field,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://rollcall.dev/problems/";

    static Problem of(int status, String title, String code, String detail, String field, String requestId) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, field, requestId);
    }
}
