package io.rollcall.security.saml;

import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;

/** Building and serialising OpenSAML objects for the documents Rollcall writes. */
final class SamlObjects {

    private SamlObjects() {}

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        OpenSaml.ensureInitialised();
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilderOrThrow(name)
                .buildObject(name);
    }

    static String toXml(XMLObject object) {
        try {
            return SerializeSupport.nodeToString(XMLObjectSupport.marshall(object));
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot serialise " + object.getElementQName(), e);
        }
    }
}
