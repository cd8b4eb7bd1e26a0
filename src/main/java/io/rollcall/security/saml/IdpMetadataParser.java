package io.rollcall.security.saml;

import io.rollcall.security.saml.IdpMetadataException.Problem;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * Reads an IdP's metadata (an EntityDescriptor, or an EntitiesDescriptor holding exactly one IdP) with the hardened
 * parser. Takes every signing (or unspecified-use) certificate, so a rotation with two keys works. The metadata's own
 * signature is not checked: an owner uploads it over the authenticated admin API. Thread-safe.
 */
public final class IdpMetadataParser {

    static final int MAX_METADATA_BYTES = 1024 * 1024;

    public IdpMetadataParser() {
        OpenSaml.ensureInitialised();
    }

    public IdpMetadata parse(String metadataXml) throws IdpMetadataException {
        byte[] xml = metadataXml.getBytes(StandardCharsets.UTF_8);
        if (xml.length > MAX_METADATA_BYTES) {
            throw new IdpMetadataException(Problem.MALFORMED, "metadata is larger than 1 MB");
        }
        if (OpenSaml.declaresDoctype(xml)) {
            throw new IdpMetadataException(Problem.DTD_FORBIDDEN, "metadata must not declare a DOCTYPE");
        }
        XMLObject root;
        try {
            root = OpenSaml.unmarshall(OpenSaml.parse(xml).getDocumentElement());
        } catch (XMLParserException | UnmarshallingException | RuntimeException e) {
            throw new IdpMetadataException(Problem.MALFORMED, "metadata is not well-formed SAML metadata", e);
        }
        EntityDescriptor entity = idpEntity(root);
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        Optional<URI> redirect = endpoint(idp, SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        Optional<URI> post = endpoint(idp, SAMLConstants.SAML2_POST_BINDING_URI);
        if (redirect.isEmpty() && post.isEmpty()) {
            throw new IdpMetadataException(Problem.NO_SSO_ENDPOINT, "IdP offers no HTTP-Redirect or HTTP-POST login");
        }
        List<X509Certificate> certificates = signingCertificates(idp);
        if (certificates.isEmpty()) {
            throw new IdpMetadataException(Problem.NO_SIGNING_CERTIFICATE, "IdP metadata has no signing certificate");
        }
        return new IdpMetadata(entity.getEntityID(), redirect, post, certificates);
    }

    private static EntityDescriptor idpEntity(XMLObject root) throws IdpMetadataException {
        List<EntityDescriptor> candidates = new ArrayList<>();
        if (root instanceof EntityDescriptor entity) {
            candidates.add(entity);
        } else if (root instanceof EntitiesDescriptor entities) {
            collect(entities, candidates);
        } else {
            throw new IdpMetadataException(Problem.MALFORMED, "metadata root is not an EntityDescriptor");
        }
        List<EntityDescriptor> idps = candidates.stream()
                .filter(e -> e.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null)
                .toList();
        if (idps.isEmpty()) {
            throw new IdpMetadataException(Problem.NO_IDP_DESCRIPTOR, "metadata describes no SAML 2.0 IdP");
        }
        if (idps.size() > 1) {
            throw new IdpMetadataException(Problem.AMBIGUOUS_ENTITY, "metadata describes more than one IdP");
        }
        if (idps.get(0).getEntityID() == null || idps.get(0).getEntityID().isBlank()) {
            throw new IdpMetadataException(Problem.MALFORMED, "IdP has no entityID");
        }
        return idps.get(0);
    }

    private static void collect(EntitiesDescriptor group, List<EntityDescriptor> into) {
        into.addAll(group.getEntityDescriptors());
        group.getEntitiesDescriptors().forEach(nested -> collect(nested, into));
    }

    private static Optional<URI> endpoint(IDPSSODescriptor idp, String binding) throws IdpMetadataException {
        for (SingleSignOnService service : idp.getSingleSignOnServices()) {
            if (binding.equals(service.getBinding()) && service.getLocation() != null) {
                try {
                    return Optional.of(URI.create(service.getLocation().strip()));
                } catch (IllegalArgumentException e) {
                    throw new IdpMetadataException(Problem.MALFORMED, "SSO endpoint is not a URL", e);
                }
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> signingCertificates(IDPSSODescriptor idp) throws IdpMetadataException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() == UsageType.ENCRYPTION || key.getKeyInfo() == null) {
                continue;
            }
            for (X509Data data : key.getKeyInfo().getX509Datas()) {
                for (org.opensaml.xmlsec.signature.X509Certificate cert : data.getX509Certificates()) {
                    certificates.add(decode(cert.getValue()));
                }
            }
        }
        return certificates;
    }

    static X509Certificate decode(String base64) throws IdpMetadataException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.strip());
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new IdpMetadataException(Problem.BAD_CERTIFICATE, "a signing certificate cannot be read", e);
        }
    }
}
