package io.rollcall.application;

/**
 * The authenticated person behind an admin API request: an account, by an API token or a session JWT. Its rights in
 * a workspace are those of its member there, computed per request.
 */
public record Caller(String accountId, String email, Credential credential, String credentialId) {

    /** How the caller proved who it is. */
    public enum Credential {
        API_TOKEN,
        SESSION
    }

    public Actor actor() {
        return Actor.account(accountId, email);
    }
}
