package io.rollcall.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/**
 * The one JSON body reader of the admin API. Every request entity that any admin resource binds (a record, a
 * {@code JsonObject}, a {@code List}) passes through here <em>before</em> JSON-B or JSON-P sees it, and before any
 * authorization, so non-members get the same answers:
 *
 * <ul>
 * <li>more than {@link #MAX_BYTES} bytes (by {@code Content-Length} or as read) → 413 {@code payload-too-large};</li>
 * <li>an empty body → 400 {@code body-required};</li>
 * <li>not JSON, trailing data, a member name twice in one object, or nesting deeper than {@link #MAX_DEPTH} → 400
 * {@code malformed-json};</li>
 * <li>a top-level value that is not an object ({@code null}, {@code true}, {@code "str"}, {@code []}, {@code [{}]})
 * → 400 {@code not-an-object}; endpoints that bind a {@code List} or {@code JsonArray} (claim rules) get the mirror
 * rule: the top level must be an array.</li>
 * </ul>
 *
 * <p>All answers are RFC 9457 problem details. A resource added later needs nothing to use this: declaring a body
 * parameter is enough, since the admin application registers this interceptor for all of its entity reads. Code that
 * reads JSON outside a resource parameter calls {@link #parse(byte[], boolean)}.
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

    /** 1 MiB, the same limit as SCIM bodies. */
    public static final int MAX_BYTES = 1_048_576;
    /**
     * Levels of object/array nesting. Settings bodies need 3 and dry-run claims as IdPs send them about 5 (Entra's
     * {@code _claim_sources}); 32 leaves room without letting a parser recurse a thousand levels.
     */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isLongerThanLimit(length)) {
                throw tooLarge();
            }
            byte[] body = readAtMost(context.getInputStream());
            parse(body, expectsArray(context.getType()));
            context.setInputStream(new ByteArrayInputStream(body));
        } catch (Rejected e) {
            throw new WebApplicationException(e.response());
        }
        return context.proceed();
    }

    /** A body refused by {@link #parse}; the admin API maps it to its problem-details response. */
    public static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String code;

        Rejected(int status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        jakarta.ws.rs.core.Response response() {
            return ProblemResponses.of(status, status == 413 ? "Content Too Large" : "Bad Request", code, getMessage());
        }
    }

    /**
     * Checks {@code body} as described on the class and returns it parsed.
     *
     * @param array whether the top level must be an array (else an object)
     * @throws Rejected with status 400 or 413, a problem {@code code} and a detail safe to show
     */
    public static JsonNode parse(byte[] body, boolean array) {
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (isBlank(body)) {
            throw rejected(400, "body-required", "a JSON request body is required");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw rejected(400, "malformed-json", "the request body nests deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw rejected(400, "malformed-json", "the request body names a member twice in one object");
            }
            throw rejected(400, "malformed-json", "the request body is not valid JSON");
        } catch (IOException e) {
            throw rejected(400, "malformed-json", "the request body is not valid JSON");
        }
        if (array && !root.isArray()) {
            throw rejected(400, "not-an-array", "the request body must be a JSON array");
        }
        if (!array && !root.isObject()) {
            throw rejected(400, "not-an-object", "the request body must be a JSON object");
        }
        return root;
    }

    static boolean expectsArray(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type) || JsonArray.class.isAssignableFrom(type);
    }

    private static boolean isLongerThanLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            throw rejected(400, "bad-request", "the Content-Length header is not a number");
        }
    }

    /** Reads one byte past the limit at most, so a 50 MB body costs no more than a 1 MiB one. */
    private static byte[] readAtMost(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > MAX_BYTES) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static Rejected tooLarge() {
        return rejected(413, "payload-too-large", "the request body is larger than " + MAX_BYTES + " bytes");
    }

    private static Rejected rejected(int status, String code, String detail) {
        return new Rejected(status, code, detail);
    }
}
