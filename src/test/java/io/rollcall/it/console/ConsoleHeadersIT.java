package io.rollcall.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's files as the bundle serves them, and the admin API's cookie rules, over plain HTTP (no browser): the
 * security headers on every console response, no inline script in the page, and CSRF refusals that happen before the
 * session is even verified.
 */
class ConsoleHeadersIT {

    private final RollcallServer server = RollcallServer.shared();
    private final Api anonymous = new Api(server.baseUrl(), null);

    @Test
    void consolePageAndScriptsCarryAStrictCspAndTheOtherSecurityHeaders() {
        for (String path :
                new String[] {"/", "/console/app.js", "/console/console.css", "/console/does-not-exist.js"}) {
            Api.Reply reply = anonymous.get(path);
            String csp = reply.header("Content-Security-Policy");
            assertThat(csp)
                    .as(path)
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("default-src 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        Api.Reply page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Rollcall console").contains("src=\"/console/app.js\"");
        Api.Reply script = anonymous.get("/console/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
    }

    @Test
    void theSignInPagesKeepTheirOwnScriptFreePolicyAndSendTheirFormsOrigin() {
        Api.Reply login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy"))
                .startsWith("default-src 'none'")
                .contains("form-action 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("script-src");
        // Not no-referrer: under it a browser posts the form with "Origin: null", which the same-origin check refuses.
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theConsolePageHasNoInlineScriptNorInlineHandlers() {
        String html = anonymous.get("/").body();
        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void aSessionCookieWithoutTheConsoleHeaderIsRefusedAsCsrfBeforeItIsVerified() {
        Api.Reply reply = cookieCall("POST", "/api/v1/workspaces", "{\"id\":\"csrf-x\",\"name\":\"x\"}", false, null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asText()).isEqualTo("csrf");
        assertThat(reply.json().path("requestId").asText()).isNotBlank();

        Api.Reply foreign = cookieCall("GET", "/api/v1/me", null, true, "https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("code").asText()).isEqualTo("csrf");

        // With the header from the right origin, a forged session is simply unauthenticated.
        Api.Reply forged = cookieCall("GET", "/api/v1/me", null, true, origin());
        assertThat(forged.status()).isEqualTo(401);
        assertThat(new Api(server.baseUrl(), server.ownerToken())
                        .get("/api/v1/workspaces/csrf-x")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void bearerCallsAreUntouchedByTheCookieRules() {
        Api owner = new Api(server.baseUrl(), server.ownerToken());
        assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void signOutNeedsASessionAndTheServiceProviderUrlsNeedSsoManage() {
        assertThat(anonymous.delete("/api/v1/me/session").status()).isEqualTo(401);
        Api owner = new Api(server.baseUrl(), server.ownerToken());
        Api.Reply connection = owner.get("/api/v1/workspaces/default/sso");
        assertThat(connection.status()).as(connection.toString()).isEqualTo(200);
        Api.Reply sp = connection;
        assertThat(sp.json().path("serviceProvider").path("acsUrl").asText())
                .isEqualTo(server.baseUrl() + "/sso/default/saml/acs");
        assertThat(sp.json().path("serviceProvider").path("entityId").asText())
                .isEqualTo(server.baseUrl() + "/sso/default/saml/metadata");
        assertThat(sp.json().path("serviceProvider").path("redirectUri").asText())
                .isEqualTo(server.baseUrl() + "/sso/default/oidc/callback");
    }

    private String origin() {
        return server.baseUrl().toString().replaceAll("/$", "");
    }

    private Api.Reply cookieCall(String method, String path, String body, boolean header, String origin) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        server.baseUrl().resolve(path))
                .header("Cookie", "rollcall_session=eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .method(
                        method,
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (header) {
            request.header("X-Rollcall-Csrf", "1");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            var response = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(
                    response.statusCode(),
                    response.headers(),
                    response.body(),
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(response.body().isEmpty() ? "null" : response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
