package io.rollcall.security.session;

import com.nimbusds.jose.jwk.ECKey;
import java.util.List;
import java.util.Optional;

/** Where session signing keys come from. Implementations must be shared by every instance of a cluster. */
public interface SessionKeys {

    /** The key that signs new sessions now (rotating it when due). */
    SessionKey signingKey();

    /** The public key with this id, if it may still verify sessions. */
    Optional<ECKey> verificationKey(String kid);

    /** Every public key that may still verify a session, for {@code /.well-known/jwks.json}. */
    List<ECKey> publishedKeys();
}
