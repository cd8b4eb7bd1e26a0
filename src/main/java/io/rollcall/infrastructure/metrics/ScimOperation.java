package io.rollcall.infrastructure.metrics;

import java.util.Locale;
import java.util.Optional;

/**
 * The SCIM operation a request was, named from its route template, method and status (RFC 7644 §3): the label values
 * of {@code rollcall_scim_operations_total}. Only matched routes under {@code /scim/v2} are SCIM operations.
 *
 * @param resource the endpoint: {@code Users}, {@code Groups}, {@code Bulk}, {@code Schemas}, ... or {@code root} for
 *        {@code /.search} at the base
 * @param operation {@code create}, {@code get}, {@code list}, {@code search}, {@code replace}, {@code patch},
 *        {@code delete}, {@code bulk} or {@code other}
 * @param outcome {@code success} or the kind of refusal (see {@link #outcomeOf(int)})
 */
public record ScimOperation(String resource, String operation, String outcome) {

    static final String BASE = "/scim/v2";

    /** The operation of one request, or empty when the route is not a SCIM endpoint. */
    public static Optional<ScimOperation> of(String route, String method, int status) {
        if (route == null || !route.startsWith(BASE + "/")) {
            return Optional.empty();
        }
        String[] segments = route.substring(BASE.length() + 1).split("/");
        String resource = ".search".equals(segments[0]) ? "root" : segments[0];
        boolean byId = segments.length > 1 && segments[1].startsWith("{");
        boolean search = route.endsWith("/.search");
        String operation =
                switch (method.toUpperCase(Locale.ROOT)) {
                    case "GET" -> byId ? "get" : "list";
                    case "POST" -> search ? "search" : "Bulk".equals(resource) ? "bulk" : "create";
                    case "PUT" -> "replace";
                    case "PATCH" -> "patch";
                    case "DELETE" -> "delete";
                    default -> "other";
                };
        return Optional.of(new ScimOperation(resource, operation, outcomeOf(status)));
    }

    /**
     * A bounded name for an HTTP status: {@code success} (1xx-3xx), {@code invalid} (400), {@code unauthenticated}
     * (401), {@code forbidden} (403), {@code not-found} (404), {@code conflict} (409), {@code precondition-failed}
     * (412), {@code too-large} (413), {@code rate-limited} (429), {@code client-error} (other 4xx),
     * {@code not-implemented} (501), {@code error} (other 5xx).
     */
    static String outcomeOf(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "too-large";
            case 429 -> "rate-limited";
            case 501 -> "not-implemented";
            default -> status < 400 ? "success" : status < 500 ? "client-error" : "error";
        };
    }
}
