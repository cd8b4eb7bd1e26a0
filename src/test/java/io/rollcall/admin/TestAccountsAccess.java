package io.rollcall.admin;

/** Test-only bridge to hashing, mirroring how the server stores tokens. */
final class TestAccountsAccess {

    private TestAccountsAccess() {}

    static String sha256(String value) {
        return io.rollcall.domain.identity.SecretTokens.hash(value);
    }
}
