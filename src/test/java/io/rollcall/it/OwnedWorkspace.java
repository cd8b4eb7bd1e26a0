package io.rollcall.it;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.TestAccounts.Person;

/**
 * A new workspace of its own for one test: a fresh owner account, its admin API client and the workspace id
 * ({@code prefix-} plus 8 hex characters).
 */
public record OwnedWorkspace(Person owner, Api api, String id) {

    public static OwnedWorkspace create(RollcallServer server, String prefix) {
        Person owner = TestAccounts.create(server, prefix + "-owner");
        Api api = new Api(server.baseUrl(), owner.token());
        String id = prefix + "-" + owner.accountId().substring(0, 8);
        Api.Reply created = api.post("/api/v1/workspaces", "{\"id\":" + q(id) + ",\"name\":" + q(prefix) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new OwnedWorkspace(owner, api, id);
    }

    /** {@code /api/v1/workspaces/{id}} followed by {@code suffix}. */
    public String path(String suffix) {
        return "/api/v1/workspaces/" + id + suffix;
    }

    /** Invites a new person with {@code role}, has them accept, and returns their API client. */
    public Api join(RollcallServer server, String role) {
        Person person = TestAccounts.create(server, id + "-" + role);
        Api.Reply invite = api.post(path("/invites"), "{\"email\":" + q(person.email()) + ",\"role\":" + q(role) + "}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        Api member = api.as(person.token());
        Api.Reply accepted = member.post(
                "/api/v1/invites/accept",
                "{\"token\":" + q(invite.json().get("token").asText()) + "}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return member;
    }
}
