package io.rollcall.security.saml;

import java.net.URI;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;

/**
 * Rollcall's SP metadata for one workspace: entity id, one ACS on the POST binding, the NameID format asked for, and
 * {@code WantAssertionsSigned="true"}. AuthnRequests are not signed (the IdP must not require it).
 */
public final class SpMetadata {

    /** Persistent NameIDs are stable per user, which is what Rollcall binds a member to. */
    public static final String DEFAULT_NAME_ID_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private SpMetadata() {}

    /** The metadata document as XML. */
    public static String xml(String entityId, URI acsUrl, String nameIdFormat) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        SPSSODescriptor sp = SamlObjects.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(false);
        sp.setWantAssertionsSigned(true);
        NameIDFormat format = SamlObjects.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
        format.setFormat(nameIdFormat);
        sp.getNameIDFormats().add(format);
        AssertionConsumerService acs = SamlObjects.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(acsUrl.toString());
        acs.setIndex(0);
        acs.setIsDefault(true);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);
        return SamlObjects.toXml(entity);
    }

    /** With the default NameID format. */
    public static String xml(String entityId, URI acsUrl) {
        return xml(entityId, acsUrl, DEFAULT_NAME_ID_FORMAT);
    }
}
