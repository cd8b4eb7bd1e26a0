package io.rollcall.security.saml;

import io.rollcall.security.saml.SamlRejection.Reason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the enveloped signature of one SAML element (a Response or an Assertion) against the configured certificates
 * only, and proves that the signature covers exactly that element: its single Reference must point, by ID, at the very
 * DOM element that carries it, and that ID must occur once in the document (the signature-wrapping defence).
 */
final class SignatureCheck {

    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    /** SHA-1 and older are refused: collisions make forged assertions a matter of budget. */
    private static final Set<String> ALLOWED_SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

    private final List<BasicX509Credential> trusted;

    SignatureCheck(List<X509Certificate> trustedCertificates) {
        this.trusted =
                trustedCertificates.stream().map(BasicX509Credential::new).toList();
    }

    void verify(SignableSAMLObject signed) throws SamlRejection {
        Signature signature = signed.getSignature();
        Element element = signed.getDOM();
        if (signature == null || element == null) {
            throw new SamlRejection(Reason.NOT_SIGNED, "element is not signed");
        }
        if (!ALLOWED_SIGNATURE_METHODS.contains(signature.getSignatureAlgorithm())) {
            throw new SamlRejection(Reason.WEAK_ALGORITHM, "signature algorithm is not allowed");
        }
        requireReferenceToItself(signature, element);
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw new SamlRejection(Reason.BAD_SIGNATURE, "signature does not follow the SAML signature profile", e);
        }
        for (BasicX509Credential credential : trusted) {
            try {
                SignatureValidator.validate(signature, credential);
                return;
            } catch (SignatureException e) {
                // Try the next configured certificate (rotation); classify below when none fits.
            }
        }
        throw referencesIntact(signature)
                ? new SamlRejection(Reason.UNTRUSTED_KEY, "signature was not made by a configured IdP key")
                : new SamlRejection(Reason.BAD_SIGNATURE, "signed content was changed after signing");
    }

    private static void requireReferenceToItself(Signature signature, Element element) throws SamlRejection {
        NodeList references = signature.getDOM().getElementsByTagNameNS(DSIG_NS, "Reference");
        if (references.getLength() != 1) {
            throw new SamlRejection(Reason.SIGNATURE_WRAPPING, "signature must have exactly one reference");
        }
        String uri = ((Element) references.item(0)).getAttribute("URI");
        String id = element.getAttribute("ID");
        if (id.isEmpty() || !uri.equals("#" + id)) {
            throw new SamlRejection(Reason.SIGNATURE_WRAPPING, "signature does not cover the element that carries it");
        }
        Document document = element.getOwnerDocument();
        if (document.getElementById(id) != element || countId(document.getDocumentElement(), id) != 1) {
            throw new SamlRejection(Reason.SIGNATURE_WRAPPING, "signed ID is ambiguous in the document");
        }
    }

    private static int countId(Element root, String id) {
        int count = 0;
        Attr attr = root.getAttributeNode("ID");
        if (attr != null && attr.getValue().equals(id)) {
            count++;
        }
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                count += countId(child, id);
            }
        }
        return count;
    }

    /**
     * Whether the digests of the signed content still match. Used only to name the failure: intact digests with a
     * failing signature value mean "another key signed this", broken digests mean "tampered after signing".
     */
    private static boolean referencesIntact(Signature signature) {
        if (!(signature instanceof SignatureImpl impl) || impl.getXMLSignature() == null) {
            return false;
        }
        try {
            return impl.getXMLSignature().getSignedInfo().verify(false);
        } catch (XMLSecurityException | RuntimeException e) {
            return false;
        }
    }
}
