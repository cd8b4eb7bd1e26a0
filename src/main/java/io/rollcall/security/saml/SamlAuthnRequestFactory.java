package io.rollcall.security.saml;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.Deflater;
import org.joda.time.DateTime;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;

/**
 * Builds unsigned AuthnRequests for the HTTP-Redirect binding (SAML Bindings §3.4): raw DEFLATE, base64, URL-encode.
 * Hand-written on java.util.zip because OpenSAML's encoder needs javax.servlet. Thread-safe.
 */
public final class SamlAuthnRequestFactory {

    /** RelayState is limited to 80 bytes by the binding. */
    static final int MAX_RELAY_STATE = 80;

    private final Clock clock;
    private final SecureRandom random;

    public SamlAuthnRequestFactory(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        OpenSaml.ensureInitialised();
    }

    /**
     * @param spEntityId Rollcall's entity id for the workspace (Issuer)
     * @param acsUrl where the IdP must POST the response
     * @param idpSsoUrl the IdP's HTTP-Redirect SSO endpoint (Destination)
     * @param relayState opaque value the IdP returns unchanged, at most 80 bytes; may be null
     */
    public SamlAuthnRequest create(String spEntityId, URI acsUrl, URI idpSsoUrl, String relayState) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > MAX_RELAY_STATE) {
            throw new IllegalArgumentException("RelayState longer than " + MAX_RELAY_STATE + " bytes");
        }
        byte[] idBytes = new byte[20];
        random.nextBytes(idBytes);
        // An xs:ID must not start with a digit.
        String id = "_" + HexFormat.of().formatHex(idBytes);
        Instant now = clock.instant();

        AuthnRequest request = SamlObjects.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(new DateTime(now.toEpochMilli()));
        request.setDestination(idpSsoUrl.toString());
        request.setAssertionConsumerServiceURL(acsUrl.toString());
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(spEntityId);
        request.setIssuer(issuer);
        String xml = SamlObjects.toXml(request);
        return new SamlAuthnRequest(id, now, xml, redirectUrl(idpSsoUrl, xml, relayState));
    }

    /** The HTTP-Redirect binding URL for a SAML request document. */
    public static URI redirectUrl(URI idpSsoUrl, String requestXml, String relayState) {
        String query = "SAMLRequest=" + URLEncoder.encode(deflateBase64(requestXml), StandardCharsets.UTF_8);
        if (relayState != null) {
            query += "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8);
        }
        String base = idpSsoUrl.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    static String deflateBase64(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
