package io.rollcall.edge;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * A Grizzly filter between the HTTP codec and the web server filter that hands every request path to Payara in a
 * form Payara can decode, so that Rollcall's {@code app.ContainerErrors} refuses it in the protocol's own format.
 *
 * <p>Payara refuses some raw paths before any servlet filter runs: a malformed escape ({@code %zz}, {@code %4})
 * makes Grizzly's {@code URLDecoder} throw an {@code IllegalArgumentException} that {@code CoyoteAdapter} does not
 * catch (the client gets an empty 200); a NUL ({@code %00}) or a backslash ({@code \}, {@code %5C}) gets an empty
 * 400 from {@code CoyoteAdapter.normalize}. This filter replaces each such sequence of the raw path (never the query)
 * with {@code %2F}, an encoded slash that Payara lets through and {@code ContainerErrors} refuses as 400
 * {@code bad-path}. Paths without such a sequence pass unchanged. Stateless and thread-safe.
 */
public final class RequestPathGuard extends BaseFilter {

    static final String REFUSED_SEQUENCE = "%2F";

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            String raw = request.getRequestURI();
            String refusable = refusablePath(raw);
            if (refusable != null) {
                request.setRequestURI(refusable);
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * The raw request path with every malformed escape, NUL and backslash (raw or encoded) replaced by
     * {@value #REFUSED_SEQUENCE}; null when the path holds none, i.e. stays as it is.
     *
     * @param rawPath the request path as sent, still percent-encoded, without the query; null is treated as empty
     */
    public static String refusablePath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            int consumed = 1;
            boolean refused = c == '\\';
            if (c == '%') {
                int high = i + 1 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    refused = true;
                } else {
                    int b = high * 16 + low;
                    refused = b == 0 || b == '\\';
                    consumed = 3;
                }
            }
            if (refused && out == null) {
                out = new StringBuilder(rawPath.length() + 8).append(rawPath, 0, i);
            }
            if (out != null) {
                if (refused) {
                    out.append(REFUSED_SEQUENCE);
                } else {
                    out.append(rawPath, i, i + consumed);
                }
            }
            i += consumed - 1;
        }
        return out == null ? null : out.toString();
    }
}
