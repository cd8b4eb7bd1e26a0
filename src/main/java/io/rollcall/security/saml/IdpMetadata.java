package io.rollcall.security.saml;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What Rollcall needs from an IdP's metadata.
 *
 * @param entityId the IdP entity id
 * @param ssoRedirectUrl the HTTP-Redirect SingleSignOnService, if offered
 * @param ssoPostUrl the HTTP-POST SingleSignOnService, if offered
 * @param signingCertificates every signing certificate (several during a key rotation), never empty
 */
public record IdpMetadata(
        String entityId,
        Optional<URI> ssoRedirectUrl,
        Optional<URI> ssoPostUrl,
        List<X509Certificate> signingCertificates) {

    public IdpMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }
}
