package io.rollcall.security.saml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds SAML responses the way an IdP would, signed with the JDK's own XML signature implementation (independent of
 * the OpenSAML code under test), and lets tests tamper with them afterwards.
 */
final class TestSamlIdp {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    String idpEntityId = "https://idp.example/realms/rollcall";
    String spEntityId = "http://localhost:8080/sso/acme/saml/metadata";
    String acsUrl = "http://localhost:8080/sso/acme/saml/acs";
    String destination = acsUrl;
    String recipient = acsUrl;
    String audience = spEntityId;
    String responseIssuer = idpEntityId;
    String assertionIssuer = idpEntityId;
    String inResponseTo = "_req1";
    String nameId = "ada@example.com";
    String email = "ada@example.com";
    String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
    String assertionId = "_a1";
    Instant now;
    Instant notBefore;
    Instant notOnOrAfter;

    TestSamlIdp(Instant now) {
        this.now = now;
        this.notBefore = now.minusSeconds(5);
        this.notOnOrAfter = now.plusSeconds(60);
    }

    String assertionXml(String id, String subject) {
        return "<saml:Assertion xmlns:saml=\"" + SAML + "\" ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + now
                + "\"><saml:Issuer>" + assertionIssuer + "</saml:Issuer><saml:Subject>"
                + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">" + subject
                + "</saml:NameID><saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<saml:SubjectConfirmationData InResponseTo=\"" + inResponseTo + "\" NotOnOrAfter=\"" + notOnOrAfter
                + "\" Recipient=\"" + recipient + "\"/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + notBefore + "\" NotOnOrAfter=\"" + notOnOrAfter + "\">"
                + "<saml:AudienceRestriction><saml:Audience>" + audience + "</saml:Audience></saml:AudienceRestriction>"
                + "</saml:Conditions><saml:AuthnStatement AuthnInstant=\"" + now + "\" SessionIndex=\"sess-1\">"
                + "<saml:AuthnContext><saml:AuthnContextClassRef>"
                + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>"
                + "</saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>"
                + attribute("groups", "/engineering") + attribute("email", email)
                + attribute("groups", "/sales") + "</saml:AttributeStatement></saml:Assertion>";
    }

    private static String attribute(String name, String value) {
        return "<saml:Attribute Name=\"" + name + "\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
                + "<saml:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">" + value
                + "</saml:AttributeValue></saml:Attribute>";
    }

    String responseXml(String... assertions) {
        return "<samlp:Response xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\"_resp1\" Version=\"2.0\""
                + " IssueInstant=\"" + now + "\" Destination=\"" + destination + "\" InResponseTo=\"" + inResponseTo
                + "\"><saml:Issuer>" + responseIssuer + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\""
                + status + "\"/></samlp:Status>" + String.join("", assertions) + "</samlp:Response>";
    }

    /** The usual response: one assertion with the configured fields. */
    Document response() {
        return parse(responseXml(assertionXml(assertionId, nameId)));
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element assertion(Document doc, int index) {
        return (Element) doc.getElementsByTagNameNS(SAML, "Assertion").item(index);
    }

    static Element nameIdElement(Element assertion) {
        return (Element) assertion.getElementsByTagNameNS(SAML, "NameID").item(0);
    }

    /** Signs an element (Response or Assertion) with an enveloped signature placed right after its Issuer. */
    static void sign(Element element, TestCertificates.TestKey key) {
        sign(element, key, SignatureMethod.RSA_SHA256, DigestMethod.SHA256);
    }

    static void sign(Element element, TestCertificates.TestKey key, String signatureMethod, String digestMethod) {
        try {
            element.setIdAttributeNS(null, "ID", true);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference(
                    "#" + element.getAttribute("ID"),
                    factory.newDigestMethod(digestMethod, null),
                    List.of(
                            factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null),
                    List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(key.certificate()))));
            Node issuer = element.getElementsByTagNameNS(SAML, "Issuer").item(0);
            DOMSignContext context = new DOMSignContext(key.keyPair().getPrivate(), element, issuer.getNextSibling());
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String toXml(Document doc) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty("omit-xml-declaration", "yes");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Document doc) {
        return encode(toXml(doc));
    }

    static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
