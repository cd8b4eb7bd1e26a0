package io.rollcall.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rollcall.it.Api;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One SCIM request with headers {@link Api} does not send (If-Match, If-None-Match, Accept, odd Authorization). */
final class HeaderApi {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeaderApi() {}

    static Api.Reply send(ScimWorkspace w, String method, String path, String header, String value, String body) {
        return send(w, method, path, java.util.Map.of("Authorization", "Bearer " + w.token, header, value), body);
    }

    /** With exactly these headers (and Content-Type for a body): no Authorization unless given. */
    static Api.Reply send(
            ScimWorkspace w, String method, String path, java.util.Map<String, String> headers, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(w.server.baseUrl().resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", ScimWorkspace.SCIM_JSON);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Api.Reply(
                    response.statusCode(),
                    response.headers(),
                    text,
                    text == null || text.isBlank() ? MissingNode.getInstance() : parse(text));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
