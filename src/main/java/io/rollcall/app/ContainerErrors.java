package io.rollcall.app;

import io.rollcall.admin.Problem;
import io.rollcall.application.RequestIds;
import io.rollcall.scim.ScimErrors;
import io.rollcall.scim.ScimMediaTypes;
import io.rollcall.sso.SsoErrorPages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Errors that arise in the servlet container rather than in a JAX-RS resource still leave in the protocol's own
 * format: under {@code /scim/v2} a SCIM error (RFC 7644 section 3.12, {@code application/scim+json}), under {@code
 * /sso} and {@code /.well-known} the SSO error document, everywhere else (the admin API, unknown paths) RFC 9457
 * problem details. Never the container's HTML page.
 *
 * <p>Two mechanisms: requests the container would refuse with a bare page are refused here first ({@code TRACE},
 * an unparseable {@code Content-Type}, over-long or non-ASCII {@code If-Match}/{@code If-None-Match}, a request
 * line over {@link #MAX_URI_CHARS}, a path that is not valid percent-encoded UTF-8, which the listener is configured
 * to let through); and every {@code sendError} issued behind this filter (the default servlet's 404, Jersey's own 400
 * for a header it cannot parse) is rendered in the protocol format instead. Paths Payara would refuse before any
 * servlet runs (a malformed escape, {@code %00}, {@code %5C}, a backslash) arrive here with each such sequence
 * replaced by {@code %2F} ({@code io.rollcall.edge.RequestPathGuard}, in {@code src/main/grizzly}) and are refused by
 * {@link #pathRefusal}. Requests Payara's HTTP codec refuses (non-ASCII header bytes, a header block larger than the
 * listener's limit) are outside any application's reach; docs/design.md says why.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class ContainerErrors extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());

    /** Path plus query, in characters; SCIM filters are capped at 4,096 characters, so this leaves ample room. */
    static final int MAX_URI_CHARS = 16_384;
    /** An entity tag of ours is a few dozen characters (RFC 9110 section 8.8.3). */
    static final int MAX_PRECONDITION_CHARS = 1_024;

    // RFC 9110 section 8.3: type "/" subtype *( OWS ";" OWS parameter ), tokens and quoted strings only.
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*\\s*;?\\s*");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // This filter may run before RequestIdFilter; either one starts the id, so early refusals carry it too.
        // An ASYNC dispatch (a body read ahead by RequestBodyDeadline) renders its own container errors too, and keeps
        // the id already sent in the response header.
        boolean began = RequestIds.beginIfAbsent(
                request.getDispatcherType() == DispatcherType.ASYNC
                        ? response.getHeader(RequestIds.HEADER)
                        : request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, RequestIds.current());
        try {
            filter(request, response, chain);
        } finally {
            if (began) {
                RequestIds.end();
            }
        }
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Protocol protocol = Protocol.of(request.getRequestURI());
        Refusal refusal =
                refusal(request.getMethod(), request.getRequestURI(), request.getQueryString(), request::getHeader);
        if (refusal == null) {
            refusal = pathRefusal(request.getRequestURI());
        }
        if (refusal != null) {
            if (refusal.status() == 405) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            }
            write(response, protocol, wantsJson(request), refusal.status(), refusal.code(), refusal.detail());
            return;
        }
        ErrorRendering wrapped = new ErrorRendering(response, protocol, wantsJson(request));
        try {
            chain.doFilter(request, wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "unhandled error below the JAX-RS applications", e);
            write(
                    response,
                    protocol,
                    wantsJson(request),
                    500,
                    "internal-error",
                    "an internal error occurred; quote the request id when reporting it");
        }
    }

    /** A request refused before any application sees it. */
    record Refusal(int status, String code, String detail) {}

    /**
     * The refusal of a request that must not reach the container's own error handling, or null.
     *
     * @param header the request's header by name (first value), null when absent
     */
    static Refusal refusal(String method, String uri, String query, UnaryOperator<String> header) {
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            // Echoing a request back (the servlet default) would hand cookies and tokens to a script (XST).
            return new Refusal(405, "method-not-allowed", "the method " + method + " is not allowed");
        }
        if (uri.length() + (query == null ? 0 : query.length()) > MAX_URI_CHARS) {
            return new Refusal(414, "uri-too-long", "the request URI is longer than " + MAX_URI_CHARS + " characters");
        }
        String contentType = header.apply("Content-Type");
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            return new Refusal(400, "bad-content-type", "the Content-Type header is not a media type");
        }
        for (String name : new String[] {"If-Match", "If-None-Match"}) {
            String value = header.apply(name);
            if (value != null && (value.length() > MAX_PRECONDITION_CHARS || !printableAscii(value))) {
                return new Refusal(
                        400, "bad-precondition", "the " + name + " header is not a list of entity" + " tags");
            }
        }
        return null;
    }

    /**
     * The refusal of a raw (still percent-encoded) request path that is not valid UTF-8 once decoded (RFC 3986 section
     * 2.5, RFC 3629), or that holds a NUL or a backslash (encoded or not) or an encoded slash; null when the path is acceptable. The
     * container decodes paths as ISO-8859-1 (src/main/payara/pre-boot-commands.txt) and so lets these through to here.
     */
    static Refusal pathRefusal(String rawPath) {
        byte[] bytes = new byte[rawPath.length()];
        int length = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            int b;
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(rawPath.charAt(i + 2), 16);
                if (low < 0) {
                    return badPath();
                }
                b = high * 16 + low;
                i += 2;
            } else {
                b = c;
            }
            // An encoded slash would join two segments into one once decoded: never a Rollcall path.
            if (b == 0 || b == '\\' || b > 0xff || (c == '%' && b == '/')) {
                return badPath();
            }
            bytes[length++] = (byte) b;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return null;
        } catch (CharacterCodingException e) {
            return badPath();
        }
    }

    private static Refusal badPath() {
        return new Refusal(
                400,
                "bad-path",
                "the request path is not valid percent-encoded UTF-8 without NUL," + " backslash or encoded slash");
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"));
    }

    /**
     * Refuses a request at the HTTP edge (before any resource ran) in its protocol's format, as {@link #write} does
     * for container errors, and closes the connection afterwards: the rest of an unread body would otherwise be parsed
     * as the next request. May run on a container thread other than the request's: the request id is taken from the
     * {@code X-Request-Id} response header that {@code RequestIdFilter} set.
     *
     * @param status HTTP status, e.g. 408 or 413
     * @param code stable machine-readable reason, e.g. {@code request-timeout}
     * @param detail text safe to show the client
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Connection", "close");
        boolean began = RequestIds.beginIfAbsent(response.getHeader(RequestIds.HEADER));
        try {
            write(response, Protocol.of(path), wantsJson(request), status, code, detail);
        } finally {
            if (began) {
                RequestIds.end();
            }
        }
    }

    static void write(
            HttpServletResponse response, Protocol protocol, boolean json, int status, String code, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        String mediaType;
        String text;
        switch (protocol) {
            case SCIM -> {
                mediaType = ScimMediaTypes.SCIM_JSON;
                text = ScimErrors.body(status, scimType(status), detail).toString();
            }
            case SSO -> {
                SsoErrorPages.Document document = SsoErrorPages.document(json, status, code, detail);
                mediaType = document.mediaType();
                text = document.text();
            }
            default -> {
                mediaType = Problem.MEDIA_TYPE;
                text = Problem.json(status, code, detail);
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(mediaType.contains("charset") ? mediaType : mediaType + ";charset=utf-8");
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(text);
        }
        response.flushBuffer();
    }

    private static String scimType(int status) {
        return status == 400 ? "invalidSyntax" : null;
    }

    /** Which protocol a path belongs to; the WAR is deployed at the root context. */
    enum Protocol {
        SCIM,
        SSO,
        PROBLEM;

        static Protocol of(String uri) {
            if (uri.equals("/scim/v2") || uri.startsWith("/scim/v2/")) {
                return SCIM;
            }
            if (uri.startsWith("/sso/") || uri.equals("/sso") || uri.startsWith("/.well-known/")) {
                return SSO;
            }
            return PROBLEM;
        }
    }

    /** Turns the container's {@code sendError} into the protocol's error body. */
    private static final class ErrorRendering extends HttpServletResponseWrapper {

        private final Protocol protocol;
        private final boolean json;

        ErrorRendering(HttpServletResponse response, Protocol protocol, boolean json) {
            super(response);
            this.protocol = protocol;
            this.json = json;
        }

        @Override
        public void sendError(int status) throws IOException {
            render(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            // The container's message may name classes or echo input: never shown.
            render(status);
        }

        private void render(int status) throws IOException {
            String code =
                    switch (status) {
                        case 400 -> "bad-request";
                        case 404 -> "not-found";
                        case 405 -> "method-not-allowed";
                        case 406 -> "not-acceptable";
                        case 413 -> "payload-too-large";
                        case 415 -> "unsupported-media-type";
                        default -> status >= 500 ? "internal-error" : "error";
                    };
            String detail =
                    switch (status) {
                        case 404 -> "no such resource";
                        case 405 -> "this method is not allowed on this resource";
                        default ->
                            status >= 500
                                    ? "an internal error occurred; quote the request id when reporting it"
                                    : "the request could not be understood";
                    };
            write((HttpServletResponse) getResponse(), protocol, json, status, code, detail);
        }
    }
}
