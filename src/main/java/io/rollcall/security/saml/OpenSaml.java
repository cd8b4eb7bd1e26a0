package io.rollcall.security.saml;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OpenSAML set-up done once per class loader, and the one hardened XML parser every SAML input goes through: no
 * DOCTYPE at all (so no DTDs, entity expansion or external entities), secure processing on, no XInclude, comments
 * dropped so that a comment cannot split a NameID into two text nodes. Thread-safe.
 */
final class OpenSaml {

    private OpenSaml() {}

    /** Initialisation-on-demand holder: the JVM guarantees this runs exactly once, without explicit locking. */
    private static final class Holder {
        static final BasicParserPool PARSER = initialise();
    }

    private static BasicParserPool initialise() {
        try {
            InitializationService.initialize();
        } catch (InitializationException e) {
            throw new IllegalStateException("OpenSAML cannot be initialised", e);
        }
        BasicParserPool pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.setIgnoreComments(true);
        pool.setCoalescing(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setDTDValidating(false);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", true);
        features.put("http://xml.org/sax/features/external-general-entities", false);
        features.put("http://xml.org/sax/features/external-parameter-entities", false);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        pool.setBuilderFeatures(features);
        pool.setMaxPoolSize(50);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("XML parser pool cannot be initialised", e);
        }
        return pool;
    }

    /** Initialises OpenSAML if that has not happened yet in this class loader. */
    static void ensureInitialised() {
        if (Holder.PARSER == null) {
            throw new IllegalStateException("OpenSAML not initialised");
        }
    }

    /** Whether raw XML declares a DOCTYPE; checked before parsing so that the rejection has its own reason. */
    static boolean declaresDoctype(byte[] xml) {
        String head = new String(xml, java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE") || head.contains("<!doctype");
    }

    /** Parses with the hardened pool. */
    static Document parse(byte[] xml) throws XMLParserException {
        return Holder.PARSER.parse(new ByteArrayInputStream(xml));
    }

    /** Turns a DOM element into an OpenSAML object; the element stays attached as the object's DOM. */
    static XMLObject unmarshall(Element element) throws UnmarshallingException {
        ensureInitialised();
        Unmarshaller unmarshaller =
                XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new UnmarshallingException("no unmarshaller for " + element.getLocalName());
        }
        return unmarshaller.unmarshall(element);
    }
}
