package io.rollcall.security.saml;

import static io.rollcall.security.saml.TestSamlIdp.assertion;
import static io.rollcall.security.saml.TestSamlIdp.encode;
import static io.rollcall.security.saml.TestSamlIdp.nameIdElement;
import static io.rollcall.security.saml.TestSamlIdp.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.security.saml.SamlRejection.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SamlResponseValidatorTest {

    private static final TestCertificates.TestKey IDP_KEY = TestCertificates.generate("idp");
    private static final TestCertificates.TestKey OTHER_KEY = TestCertificates.generate("attacker");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final SamlResponseValidator validator = new SamlResponseValidator();
    private final Set<String> usedAssertions = ConcurrentHashMap.newKeySet();
    private Set<String> issuedRequests;
    private TestSamlIdp idp;

    @BeforeEach
    void setUp() {
        idp = new TestSamlIdp(NOW);
        issuedRequests = ConcurrentHashMap.newKeySet();
        issuedRequests.add("_req1");
    }

    private SamlExpectations expectations(Instant now, List<java.security.cert.X509Certificate> certificates) {
        return new SamlExpectations(
                idp.idpEntityId,
                certificates,
                idp.spEntityId,
                idp.acsUrl,
                issuedRequests::remove,
                (id, expiresAt) -> usedAssertions.add(id),
                Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofSeconds(30));
    }

    private SamlExpectations expectations() {
        return expectations(NOW, List.of(IDP_KEY.certificate()));
    }

    private Document signedAssertion() {
        Document doc = idp.response();
        sign(assertion(doc, 0), IDP_KEY);
        return doc;
    }

    private void assertRejected(String encoded, Reason reason) {
        assertThatThrownBy(() -> validator.validate(encoded, expectations()))
                .isInstanceOfSatisfying(
                        SamlRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private void assertRejected(Document doc, Reason reason) {
        assertRejected(encode(doc), reason);
    }

    @Test
    void signedAssertionPasses() throws Exception {
        SamlIdentity identity = validator.validate(encode(signedAssertion()), expectations());
        assertThat(identity.nameId()).isEqualTo("ada@example.com");
        assertThat(identity.nameIdFormat()).contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(identity.sessionIndex()).contains("sess-1");
        assertThat(identity.inResponseTo()).isEqualTo("_req1");
        assertThat(identity.issuer()).isEqualTo(idp.idpEntityId);
        assertThat(identity.attributes())
                .containsEntry("groups", List.of("/engineering", "/sales"))
                .containsEntry("email", List.of("ada@example.com"));
        assertThat(issuedRequests).isEmpty();
    }

    @Test
    void signedResponseWithUnsignedAssertionPasses() throws Exception {
        Document doc = idp.response();
        sign(doc.getDocumentElement(), IDP_KEY);
        assertThat(validator.validate(encode(doc), expectations()).nameId()).isEqualTo("ada@example.com");
    }

    @Test
    void signedResponseAndAssertionPass() throws Exception {
        Document doc = signedAssertion();
        sign(doc.getDocumentElement(), IDP_KEY);
        assertThat(validator.validate(encode(doc), expectations()).nameId()).isEqualTo("ada@example.com");
    }

    @Test
    void secondConfiguredCertificateAllowsRotation() throws Exception {
        Document doc = idp.response();
        sign(assertion(doc, 0), OTHER_KEY);
        SamlIdentity identity = validator.validate(
                encode(doc), expectations(NOW, List.of(IDP_KEY.certificate(), OTHER_KEY.certificate())));
        assertThat(identity.nameId()).isEqualTo("ada@example.com");
    }

    @Test
    void unsignedResponseIsRejected() {
        assertRejected(idp.response(), Reason.NOT_SIGNED);
    }

    @Test
    void signatureByAnotherKeyIsRejectedEvenWithItsCertificateInKeyInfo() {
        Document doc = idp.response();
        sign(assertion(doc, 0), OTHER_KEY);
        assertRejected(doc, Reason.UNTRUSTED_KEY);
    }

    @Test
    void nameIdTamperedAfterSigningIsRejected() {
        Document doc = signedAssertion();
        nameIdElement(assertion(doc, 0)).setTextContent("admin@example.com");
        assertRejected(doc, Reason.BAD_SIGNATURE);
    }

    @Test
    void sha1SignatureIsRejected() {
        Document doc = idp.response();
        sign(assertion(doc, 0), IDP_KEY, SignatureMethod.RSA_SHA1, DigestMethod.SHA1);
        assertRejected(doc, Reason.WEAK_ALGORITHM);
    }

    private Element evilCopy(Document doc, String id) {
        Element evil = (Element) assertion(doc, 0).cloneNode(true);
        Node signature =
                evil.getElementsByTagNameNS(TestSamlIdp.DSIG, "Signature").item(0);
        evil.removeChild(signature);
        evil.setAttribute("ID", id);
        nameIdElement(evil).setTextContent("admin@example.com");
        return evil;
    }

    @Test
    void xswEvilAssertionBeforeTheSignedOneIsRejected() {
        Document doc = signedAssertion();
        Element signed = assertion(doc, 0);
        doc.getDocumentElement().insertBefore(evilCopy(doc, "_evil"), signed);
        assertRejected(doc, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void xswEvilAssertionAfterTheSignedOneIsRejected() {
        Document doc = signedAssertion();
        doc.getDocumentElement().appendChild(evilCopy(doc, "_evil"));
        assertRejected(doc, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void xswEvilAssertionWithTheSameIdIsRejected() {
        Document doc = signedAssertion();
        doc.getDocumentElement().insertBefore(evilCopy(doc, "_a1"), assertion(doc, 0));
        assertRejected(doc, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void xswEvilAssertionInsideTheSignedOnesSignatureIsRejected() {
        Document doc = signedAssertion();
        Element evil = evilCopy(doc, "_evil");
        Element signature = (Element) assertion(doc, 0)
                .getElementsByTagNameNS(TestSamlIdp.DSIG, "Signature")
                .item(0);
        Element object = doc.createElementNS(TestSamlIdp.DSIG, "ds:Object");
        object.appendChild(evil);
        signature.appendChild(object);
        assertRejected(doc, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void xswSignedResponseWrappedInEvilResponseIsRejected() {
        Document doc = idp.response();
        sign(doc.getDocumentElement(), IDP_KEY);
        Element original = doc.getDocumentElement();
        // The attacker builds a new root with his own assertion and moves the genuine signature onto it.
        Document evil = TestSamlIdp.parse(idp.responseXml(idp.assertionXml("_evil", "admin@example.com"))
                .replace("ID=\"_resp1\"", "ID=\"_evilresp\""));
        Node signature = evil.importNode(
                original.getElementsByTagNameNS(TestSamlIdp.DSIG, "Signature").item(0), true);
        Element root = evil.getDocumentElement();
        root.insertBefore(
                signature,
                root.getElementsByTagNameNS(TestSamlIdp.SAMLP, "Status").item(0));
        assertRejected(evil, Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void xswSignedResponseKeptInsideEvilResponseIsRejected() {
        Document doc = idp.response();
        sign(doc.getDocumentElement(), IDP_KEY);
        Document evil = TestSamlIdp.parse(idp.responseXml(idp.assertionXml("_evil", "admin@example.com"))
                .replace("ID=\"_resp1\"", "ID=\"_evilresp\""));
        Element extensions = evil.createElementNS(TestSamlIdp.SAMLP, "samlp:Extensions");
        extensions.appendChild(evil.importNode(doc.getDocumentElement(), true));
        Element root = evil.getDocumentElement();
        root.insertBefore(
                extensions,
                root.getElementsByTagNameNS(TestSamlIdp.SAMLP, "Status").item(0));
        assertRejected(evil, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void twoSignedAssertionsAreRejected() {
        Document doc = TestSamlIdp.parse(idp.responseXml(
                idp.assertionXml("_a1", "ada@example.com"), idp.assertionXml("_a2", "bob@example.com")));
        sign(assertion(doc, 0), IDP_KEY);
        sign(assertion(doc, 1), IDP_KEY);
        assertRejected(doc, Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void wrongAudienceIsRejected() {
        idp.audience = "https://other-sp.example";
        assertRejected(signedAssertion(), Reason.WRONG_AUDIENCE);
    }

    @Test
    void wrongRecipientIsRejected() {
        idp.recipient = "https://other-sp.example/acs";
        assertRejected(signedAssertion(), Reason.WRONG_RECIPIENT);
    }

    @Test
    void wrongDestinationIsRejected() {
        idp.destination = "https://other-sp.example/acs";
        assertRejected(signedAssertion(), Reason.WRONG_DESTINATION);
    }

    @Test
    void wrongIssuerIsRejected() {
        idp.assertionIssuer = "https://evil-idp.example";
        assertRejected(signedAssertion(), Reason.WRONG_ISSUER);
    }

    @Test
    void wrongResponseIssuerIsRejected() {
        idp.responseIssuer = "https://evil-idp.example";
        assertRejected(signedAssertion(), Reason.WRONG_ISSUER);
    }

    @Test
    void expiredAssertionIsRejected() {
        idp.notBefore = NOW.minusSeconds(600);
        idp.notOnOrAfter = NOW.minusSeconds(31);
        assertRejected(signedAssertion(), Reason.EXPIRED);
    }

    @Test
    void expiryWithinSkewIsAccepted() throws Exception {
        idp.notOnOrAfter = NOW.minusSeconds(10);
        assertThat(validator.validate(encode(signedAssertion()), expectations()).nameId())
                .isEqualTo("ada@example.com");
    }

    @Test
    void assertionNotYetValidIsRejected() {
        idp.notBefore = NOW.plusSeconds(120);
        idp.notOnOrAfter = NOW.plusSeconds(300);
        assertRejected(signedAssertion(), Reason.NOT_YET_VALID);
    }

    @Test
    void replayedAssertionIsRejected() throws Exception {
        String encoded = encode(signedAssertion());
        issuedRequests.add("_req1");
        validator.validate(encoded, expectations());
        issuedRequests.add("_req1");
        assertRejected(encoded, Reason.REPLAYED);
    }

    @Test
    void unknownInResponseToIsRejected() {
        issuedRequests.clear();
        assertRejected(signedAssertion(), Reason.UNKNOWN_IN_RESPONSE_TO);
    }

    @Test
    void inResponseToCanBeUsedOnlyOnce() throws Exception {
        validator.validate(encode(signedAssertion()), expectations());
        idp.assertionId = "_a9";
        assertRejected(signedAssertion(), Reason.UNKNOWN_IN_RESPONSE_TO);
    }

    @Test
    void doctypeWithExternalEntityIsRejected() {
        String xml = TestSamlIdp.toXml(signedAssertion());
        String xxe =
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml.replace("ada@example.com<", "&x;<");
        assertRejected(TestSamlIdp.encode(xxe), Reason.DTD_FORBIDDEN);
    }

    @Test
    void doctypeHiddenByAnotherEncodingIsStillRefusedByTheParser() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY x \"y\">]>"
                + TestSamlIdp.toXml(signedAssertion());
        String encoded = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_16));
        assertRejected(encoded, Reason.MALFORMED);
    }

    @Test
    void commentInNameIdYieldsTheWholeValue() throws Exception {
        idp.nameId = "user@evil.com.good.com";
        Document doc = signedAssertion();
        Element nameId = nameIdElement(assertion(doc, 0));
        nameId.setTextContent("user@evil.com");
        nameId.appendChild(doc.createComment(""));
        nameId.appendChild(doc.createTextNode(".good.com"));
        assertThat(TestSamlIdp.toXml(doc)).contains("user@evil.com<!---->.good.com");

        SamlIdentity identity = validator.validate(encode(doc), expectations());
        assertThat(identity.nameId()).isEqualTo("user@evil.com.good.com");
    }

    @Test
    void failedStatusIsRejected() {
        idp.status = "urn:oasis:names:tc:SAML:2.0:status:Requester";
        assertRejected(TestSamlIdp.encode(idp.responseXml()), Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void responseWithoutAssertionIsRejected() {
        Document doc = TestSamlIdp.parse(idp.responseXml());
        sign(doc.getDocumentElement(), IDP_KEY);
        assertRejected(doc, Reason.NO_ASSERTION);
    }

    @Test
    void encryptedAssertionIsRejected() {
        String encrypted =
                "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\">"
                        + "<xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>"
                        + "</saml:EncryptedAssertion>";
        assertRejected(TestSamlIdp.encode(idp.responseXml(encrypted)), Reason.ENCRYPTED_UNSUPPORTED);
    }

    @Test
    void garbageIsMalformed() {
        assertRejected("not base64 !!", Reason.MALFORMED);
        assertRejected(TestSamlIdp.encode("<notxml"), Reason.MALFORMED);
        assertRejected(TestSamlIdp.encode("<foo xmlns=\"urn:x\"/>"), Reason.MALFORMED);
    }

    @Test
    void identityDoesNotLeakAttributesIntoToString() throws Exception {
        SamlIdentity identity = validator.validate(encode(signedAssertion()), expectations());
        assertThat(identity.toString()).doesNotContain("ada@example.com");
        assertThat(Map.copyOf(identity.attributes())).isEqualTo(identity.attributes());
    }
}
