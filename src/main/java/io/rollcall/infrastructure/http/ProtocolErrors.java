package io.rollcall.infrastructure.http;

import io.rollcall.infrastructure.logging.RequestIds;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors answered before a request reaches its protocol's resources (servlet filters), in that protocol's format:
 * <ul>
 * <li>{@code /scim/...}: RFC 7644 §3.12, {@code application/scim+json}
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429","detail":"..."}};</li>
 * <li>{@code /sso/...}: the SSO error shape, {@code {"status":429,"code":"...","message":"...","requestId":"..."}}
 * (JSON; people's browsers only meet these on abuse);</li>
 * <li>everything else: RFC 9457 problem details, {@code application/problem+json}, with {@code code} and
 * {@code requestId}.</li>
 * </ul>
 */
public final class ProtocolErrors {

    private static final String PROBLEM_TYPE_BASE = "https://rollcall.dev/problems/";

    private ProtocolErrors() {
    }

    /**
     * Writes the error and closes the connection afterwards when {@code close} is set (the rest of an unread body would
     * otherwise be parsed as the next request).
     *
     * @param status HTTP status, e.g. 408, 413, 429
     * @param code stable machine-readable reason, e.g. {@code request-timeout}
     * @param message text safe to show the client
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message, boolean close) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Set by RequestIdFilter before any refusal; read from the response, as refusals may run on another thread.
        String requestId = response.getHeader(RequestIds.HEADER);
        JsonObjectBuilder body;
        String type;
        if (path.startsWith("/scim/")) {
            type = "application/scim+json";
            body = Json.createObjectBuilder()
                    .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:Error"))
                    .add("status", Integer.toString(status)).add("detail", message);
        } else if (path.startsWith("/sso/")) {
            type = "application/json";
            body = Json.createObjectBuilder().add("status", status).add("code", code).add("message", message);
            if (requestId != null) {
                body.add("requestId", requestId);
            }
        } else {
            type = "application/problem+json";
            body = Json.createObjectBuilder().add("type", PROBLEM_TYPE_BASE + code).add("title", title(status))
                    .add("status", status).add("detail", message).add("code", code);
            if (requestId != null) {
                body.add("requestId", requestId);
            }
        }
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        if (close) {
            response.setHeader("Connection", "close");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static String title(int status) {
        return switch (status) {
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
