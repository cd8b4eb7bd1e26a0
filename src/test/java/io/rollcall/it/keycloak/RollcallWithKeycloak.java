package io.rollcall.it.keycloak;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Rollcall server of its own (with a fresh random {@code ROLLCALL_SECRET_KEY}, so SSO connection secrets can be
 * stored) beside the shared Keycloak test IdP, the two started in parallel. The caller stops {@link #rollcall()};
 * Keycloak is shared and outlives it.
 *
 * @param owner the admin API as the bootstrap owner
 */
public record RollcallWithKeycloak(
        RollcallServer rollcall, KeycloakServer keycloak, KeycloakAdmin keycloakAdmin, Api owner) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static RollcallWithKeycloak start() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        CompletableFuture<KeycloakServer> idp = CompletableFuture.supplyAsync(KeycloakServer::shared);
        RollcallServer rollcall = RollcallServer.start(
                Map.of("ROLLCALL_SECRET_KEY", Base64.getEncoder().encodeToString(key)));
        KeycloakServer keycloak = idp.join();
        return new RollcallWithKeycloak(
                rollcall,
                keycloak,
                new KeycloakAdmin(keycloak, KeycloakServer.REALM),
                new Api(rollcall.baseUrl(), rollcall.ownerToken()));
    }
}
