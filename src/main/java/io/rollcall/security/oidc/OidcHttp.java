package io.rollcall.security.oidc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The small HTTP client every OIDC call goes through, so that timeouts, the response size cap and the "https, or http
 * only on loopback" rule are applied in one place. Thread-safe.
 */
public final class OidcHttp {

    /** Bodies above this are refused: discovery documents, JWKS and token responses are a few KB. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final HttpClient client;
    private final Duration timeout;

    public OidcHttp(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** A client with a 10 s timeout that does not follow redirects (an IdP endpoint that redirects is misconfigured). */
    public static OidcHttp withDefaults() {
        Duration timeout = Duration.ofSeconds(10);
        return new OidcHttp(
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                timeout);
    }

    /** Refuses plain http except to loopback (tests and local IdPs); tokens must not cross the network unencrypted. */
    public static URI requireSecure(URI uri) throws OidcProviderException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http")
                && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return uri;
        }
        throw new OidcProviderException("refusing non-https provider URL " + uri.getScheme() + "://" + uri.getHost());
    }

    /** A response: status and body text (capped). */
    public record Response(int status, String body) {}

    Response get(URI uri) throws OidcProviderException {
        HttpRequest request = HttpRequest.newBuilder(requireSecure(uri))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(request, uri);
    }

    Response send(HttpRequest request, URI forErrors) throws OidcProviderException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Response(response.statusCode(), readCapped(in));
            }
        } catch (IOException e) {
            throw new OidcProviderException(
                    "cannot reach " + forErrors.getHost() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcProviderException("interrupted while calling " + forErrors.getHost(), e);
        }
    }

    private static String readCapped(InputStream in) throws IOException, OidcProviderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                throw new OidcProviderException("provider response larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    HttpClient client() {
        return client;
    }

    Duration timeout() {
        return timeout;
    }
}
