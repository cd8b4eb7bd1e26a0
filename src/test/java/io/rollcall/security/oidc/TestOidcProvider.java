package io.rollcall.security.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server on 127.0.0.1 that serves a discovery document, a JWKS and a token endpoint for tests. */
final class TestOidcProvider implements AutoCloseable {

    private final HttpServer server;
    final AtomicReference<JWKSet> jwks = new AtomicReference<>(new JWKSet());
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicReference<String> lastTokenRequestBody = new AtomicReference<>();
    final AtomicReference<String> lastTokenAuthorization = new AtomicReference<>();
    final AtomicInteger tokenStatus = new AtomicInteger(200);
    final AtomicReference<String> tokenBody = new AtomicReference<>("{}");

    TestOidcProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", ex -> respond(ex, 200, discoveryJson()));
        server.createContext("/jwks", ex -> {
            jwksFetches.incrementAndGet();
            respond(ex, 200, jwks.get().toString(true));
        });
        server.createContext("/token", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                lastTokenRequestBody.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            lastTokenAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            respond(ex, tokenStatus.get(), tokenBody.get());
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create(issuer() + path);
    }

    String discoveryJson() {
        return "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/auth\","
                + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\",\"HS256\",\"none\"]}";
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
