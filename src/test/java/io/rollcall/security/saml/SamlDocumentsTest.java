package io.rollcall.security.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class SamlDocumentsTest {

    private static final TestCertificates.TestKey KEY_A = TestCertificates.generate("idp-a");
    private static final TestCertificates.TestKey KEY_B = TestCertificates.generate("idp-b");
    private final URI acs = URI.create("http://localhost:8080/sso/acme/saml/acs");
    private final String entityId = "http://localhost:8080/sso/acme/saml/metadata";

    @Test
    void authnRequestIsDeflatedForTheRedirectBinding() throws Exception {
        SamlAuthnRequestFactory factory = new SamlAuthnRequestFactory(
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        SamlAuthnRequest request =
                factory.create(entityId, acs, URI.create("https://idp.example/sso?tenant=1"), "r/1?x");

        assertThat(request.id()).startsWith("_").hasSize(41);
        String url = request.redirectUrl().toString();
        assertThat(url)
                .startsWith("https://idp.example/sso?tenant=1&SAMLRequest=")
                .endsWith("&RelayState=r%2F1%3Fx");
        String param = url.substring(url.indexOf("SAMLRequest=") + 12, url.indexOf("&RelayState"));
        String xml = inflate(Base64.getDecoder().decode(URLDecoder.decode(param, StandardCharsets.UTF_8)));
        assertThat(xml)
                .isEqualTo(request.xml())
                .contains(
                        "ID=\"" + request.id() + "\"",
                        "Destination=\"https://idp.example/sso?tenant=1\"",
                        "AssertionConsumerServiceURL=\"" + acs + "\"",
                        "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"",
                        ">" + entityId + "</",
                        "IssueInstant=\"2026-11-28T12:00:00");
    }

    @Test
    void relayStateOver80BytesIsRefused() {
        SamlAuthnRequestFactory factory = new SamlAuthnRequestFactory(Clock.systemUTC(), new SecureRandom());
        assertThatThrownBy(() -> factory.create(entityId, acs, URI.create("https://idp.example/sso"), "x".repeat(81)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String inflate(byte[] deflated) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void spMetadataAnnouncesAcsAndWantsSignedAssertions() throws Exception {
        String xml = SpMetadata.xml(entityId, acs);
        assertThat(xml)
                .contains(
                        "entityID=\"" + entityId + "\"",
                        "WantAssertionsSigned=\"true\"",
                        "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"",
                        "Location=\"" + acs + "\"",
                        SpMetadata.DEFAULT_NAME_ID_FORMAT);
    }

    private static String pem(TestCertificates.TestKey key) throws Exception {
        return Base64.getMimeEncoder().encodeToString(key.certificate().getEncoded());
    }

    private static String idpMetadata(String keys) {
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://idp.example/realms/r\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keys
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"https://idp.example/post\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                + "Location=\"https://idp.example/redirect\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static String key(String use, String base64) {
        return "<md:KeyDescriptor" + (use == null ? "" : " use=\"" + use + "\"") + "><ds:KeyInfo><ds:X509Data>"
                + "<ds:X509Certificate>" + base64
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";
    }

    @Test
    void idpMetadataYieldsEndpointsAndAllSigningCertificates() throws Exception {
        IdpMetadata metadata = new IdpMetadataParser()
                .parse(idpMetadata(key("signing", pem(KEY_A)) + key(null, pem(KEY_B)) + key("encryption", pem(KEY_A))));
        assertThat(metadata.entityId()).isEqualTo("https://idp.example/realms/r");
        assertThat(metadata.ssoRedirectUrl()).contains(URI.create("https://idp.example/redirect"));
        assertThat(metadata.ssoPostUrl()).contains(URI.create("https://idp.example/post"));
        assertThat(metadata.signingCertificates()).containsExactly(KEY_A.certificate(), KEY_B.certificate());
    }

    @Test
    void idpMetadataProblemsHaveTheirOwnType() {
        IdpMetadataParser parser = new IdpMetadataParser();
        assertThatThrownBy(() ->
                        parser.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + idpMetadata("")))
                .isInstanceOfSatisfying(IdpMetadataException.class, e -> assertThat(e.problem())
                        .isEqualTo(IdpMetadataException.Problem.DTD_FORBIDDEN));
        assertThatThrownBy(() -> parser.parse(idpMetadata("")))
                .isInstanceOfSatisfying(IdpMetadataException.class, e -> assertThat(e.problem())
                        .isEqualTo(IdpMetadataException.Problem.NO_SIGNING_CERTIFICATE));
        assertThatThrownBy(() -> parser.parse(idpMetadata(key("signing", "bm90IGEgY2VydA=="))))
                .isInstanceOfSatisfying(IdpMetadataException.class, e -> assertThat(e.problem())
                        .isEqualTo(IdpMetadataException.Problem.BAD_CERTIFICATE));
        assertThatThrownBy(() -> parser.parse("<x/>"))
                .isInstanceOfSatisfying(IdpMetadataException.class, e -> assertThat(e.problem())
                        .isEqualTo(IdpMetadataException.Problem.MALFORMED));
        assertThatThrownBy(() -> parser.parse("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                        + " entityID=\"sp\"/>"))
                .isInstanceOfSatisfying(IdpMetadataException.class, e -> assertThat(e.problem())
                        .isEqualTo(IdpMetadataException.Problem.NO_IDP_DESCRIPTOR));
    }
}
