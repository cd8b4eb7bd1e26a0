package io.rollcall.people;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared IT server runs without SMTP: invites still work and the owner gets the link to pass on. */
class InvitesWithoutMailIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void withSmtpOffTheApiReturnsTheAcceptLinkAndTheLinkWorks() throws Exception {
        RollcallServer server = RollcallServer.shared();
        TestAccounts.Person owner = TestAccounts.create(server, "owner");
        Api api = new Api(server.baseUrl(), owner.token());
        String ws = "nomail-" + owner.accountId().substring(0, 8);
        assertThat(api.post("/api/v1/workspaces", "{\"id\":" + q(ws) + ",\"name\":\"No mail\"}")
                        .status())
                .isEqualTo(201);
        String email = "offline-" + owner.accountId().substring(0, 6) + "@it.example";
        Api.Reply invite =
                api.post("/api/v1/workspaces/" + ws + "/invites", "{\"email\":" + q(email) + ",\"role\":\"viewer\"}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        String acceptUrl = invite.json().get("acceptUrl").asText();
        assertThat(acceptUrl)
                .isEqualTo(server.baseUrl() + "/invite/"
                        + invite.json().get("token").asText());
        assertThat(invite.json().hasNonNull("delivery"))
                .as("nothing was e-mailed")
                .isFalse();

        HttpResponse<String> accepted = HTTP.send(
                HttpRequest.newBuilder(URI.create(acceptUrl))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(api.get("/api/v1/workspaces/" + ws + "/members?q=" + email)
                        .json()
                        .get("items")
                        .get(0)
                        .get("role")
                        .asText())
                .isEqualTo("viewer");
    }

    @Test
    void withSmtpOffTheBootstrapOwnerLinkIsPrintedOnceAndSignsInOnce() throws Exception {
        RollcallServer server = RollcallServer.shared();
        Matcher links =
                Pattern.compile("http://\\S+/login/link/rcl_[A-Za-z0-9_-]+").matcher(Files.readString(server.log()));
        assertThat(links.find()).as("the bootstrap link is printed").isTrue();
        String link = links.group();
        assertThat(links.find()).as("printed once").isFalse();
        HttpResponse<String> first = HTTP.send(
                HttpRequest.newBuilder(URI.create(link))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = HTTP.send(
                HttpRequest.newBuilder(URI.create(link))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(410);
    }
}
