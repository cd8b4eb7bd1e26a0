package io.rollcall.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of API and SCIM tokens, looked up by the SHA-256 of the presented secret. */
public interface TokenRepository {

    Optional<ApiToken> findApiTokenByHash(String hash);

    Optional<ApiToken> findApiToken(String accountId, String tokenId);

    List<ApiToken> listApiTokens(String accountId);

    void addApiToken(ApiToken token);

    Optional<ScimToken> findScimTokenByHash(String hash);

    Optional<ScimToken> findScimToken(String workspaceId, String tokenId);

    List<ScimToken> listScimTokens(String workspaceId);

    void addScimToken(ScimToken token);

    /**
     * Records a use without loading or locking the token row, and at most once per minute per token, so that a busy
     * connector does not turn every request into a write.
     */
    void touchApiToken(String tokenId, Instant now);

    void touchScimToken(String tokenId, Instant now);
}
