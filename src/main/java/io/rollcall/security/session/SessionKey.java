package io.rollcall.security.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * A session signing key: an ES256 (P-256) key pair with its id, and when it stops signing new sessions.
 *
 * @param jwk the key pair; {@link #toString()} never shows the private part
 * @param retiresAt after this, the key only verifies (until the sessions it signed have expired)
 */
public record SessionKey(ECKey jwk, Instant retiresAt) {

    public SessionKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(jwk.getKeyID(), "kid");
        Objects.requireNonNull(retiresAt, "retiresAt");
    }

    public String kid() {
        return jwk.getKeyID();
    }

    /** A fresh P-256 key pair with the given id. */
    public static SessionKey generate(String kid, Instant retiresAt) {
        try {
            return new SessionKey(
                    new ECKeyGenerator(Curve.P_256)
                            .keyID(kid)
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .generate(),
                    retiresAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is mandatory in every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "SessionKey[" + kid() + ", retiresAt=" + retiresAt + "]";
    }
}
