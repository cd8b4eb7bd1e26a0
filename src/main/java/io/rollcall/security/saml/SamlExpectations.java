package io.rollcall.security.saml;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a response to one workspace's SAML connection must satisfy.
 *
 * @param idpEntityId the IdP's entity id (Issuer)
 * @param trustedCertificates the IdP signing certificates; only these keys are used (two allow a rotation), KeyInfo in
 *     the message is never trusted
 * @param spEntityId Rollcall's entity id for this workspace (the Audience)
 * @param acsUrl Rollcall's ACS URL (Destination and Recipient)
 * @param requests the AuthnRequests we issued (InResponseTo)
 * @param replayStore assertion-id one-use store
 * @param clock the time source
 * @param allowedSkew clock skew tolerated on every time check
 */
public record SamlExpectations(
        String idpEntityId,
        List<X509Certificate> trustedCertificates,
        String spEntityId,
        String acsUrl,
        AuthnRequestTracker requests,
        AssertionReplayStore replayStore,
        Clock clock,
        Duration allowedSkew) {

    public SamlExpectations {
        Objects.requireNonNull(idpEntityId, "idpEntityId");
        trustedCertificates = List.copyOf(trustedCertificates);
        if (trustedCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted IdP certificate is required");
        }
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(replayStore, "replayStore");
        Objects.requireNonNull(clock, "clock");
        if (allowedSkew == null || allowedSkew.isNegative()) {
            throw new IllegalArgumentException("allowed skew must be zero or positive");
        }
    }
}
