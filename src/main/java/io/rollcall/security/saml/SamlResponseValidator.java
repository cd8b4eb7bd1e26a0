package io.rollcall.security.saml;

import io.rollcall.security.saml.SamlRejection.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.joda.time.DateTime;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSBase64Binary;
import org.opensaml.core.xml.schema.XSBoolean;
import org.opensaml.core.xml.schema.XSInteger;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.XSURI;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validates a SAML 2.0 Response received on the POST binding and returns the identity in it.
 *
 * <p>The pipeline: decode → parse (hardened, no DOCTYPE) → Status → no encrypted content → signatures (Response and/or
 * Assertion; at least one; each checked against the configured certificates only and proven to cover the element that
 * carries it) → exactly one Assertion in the whole document, a direct child of the Response → Issuer, Destination →
 * Conditions (time window, Audience) → bearer SubjectConfirmation (Recipient, NotOnOrAfter, InResponseTo) →
 * InResponseTo issued by us → one-use assertion id. Identity is read only from the single Assertion, which is either
 * itself signed or inside the signed Response that is the document root. Thread-safe; stateless apart from the
 * expectations' stores.
 */
public final class SamlResponseValidator {

    /** SAMLResponse parameters above this are refused before decoding (Keycloak's are a few KB). */
    static final int MAX_ENCODED_LENGTH = 512 * 1024;

    private static final String SAML2_ASSERTION_NS = SAMLConstants.SAML20_NS;

    public SamlResponseValidator() {
        OpenSaml.ensureInitialised();
    }

    public SamlIdentity validate(String samlResponse, SamlExpectations expected) throws SamlRejection {
        Response response = parse(samlResponse);
        checkStatus(response);
        if (!response.getEncryptedAssertions().isEmpty()) {
            throw new SamlRejection(Reason.ENCRYPTED_UNSUPPORTED, "encrypted assertions are not supported");
        }
        Assertion assertion = singleAssertion(response);
        verifySignatures(response, assertion, expected);
        Instant now = expected.clock().instant();
        checkIssuer(response.getIssuer(), expected, false);
        checkIssuer(assertion.getIssuer(), expected, true);
        if (!expected.acsUrl().equals(response.getDestination())) {
            throw new SamlRejection(Reason.WRONG_DESTINATION, "response is addressed to another endpoint");
        }
        Instant notOnOrAfter = checkConditions(assertion.getConditions(), expected, now);
        Subject subject = assertion.getSubject();
        if (subject == null) {
            throw new SamlRejection(Reason.NO_SUBJECT, "assertion has no subject");
        }
        if (subject.getEncryptedID() != null) {
            throw new SamlRejection(Reason.ENCRYPTED_UNSUPPORTED, "encrypted NameIDs are not supported");
        }
        SubjectConfirmationData confirmation = bearerConfirmation(subject, expected, now);
        String inResponseTo = checkInResponseTo(response, confirmation, expected);
        Instant expiry = earliest(notOnOrAfter, toInstant(confirmation.getNotOnOrAfter()))
                .plus(expected.allowedSkew());
        if (!expected.replayStore().firstUse(assertion.getID(), expiry)) {
            throw new SamlRejection(Reason.REPLAYED, "assertion was already used");
        }
        NameID nameId = subject.getNameID();
        return new SamlIdentity(
                assertion.getIssuer().getValue(),
                nameIdValue(nameId),
                Optional.ofNullable(nameId.getFormat()),
                sessionIndex(assertion),
                attributes(assertion),
                inResponseTo,
                assertion.getID());
    }

    private static Response parse(String samlResponse) throws SamlRejection {
        if (samlResponse == null || samlResponse.isBlank()) {
            throw new SamlRejection(Reason.MALFORMED, "no SAMLResponse");
        }
        if (samlResponse.length() > MAX_ENCODED_LENGTH) {
            throw new SamlRejection(Reason.MALFORMED, "SAMLResponse is too large");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponse.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new SamlRejection(Reason.MALFORMED, "SAMLResponse is not base64", e);
        }
        if (OpenSaml.declaresDoctype(xml)) {
            throw new SamlRejection(Reason.DTD_FORBIDDEN, "DOCTYPE declarations are not allowed");
        }
        Document document;
        try {
            document = OpenSaml.parse(xml);
        } catch (XMLParserException e) {
            throw new SamlRejection(Reason.MALFORMED, "SAMLResponse is not well-formed XML", e);
        }
        Element root = document.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw new SamlRejection(Reason.MALFORMED, "document is not a SAML 2.0 Response");
        }
        try {
            XMLObject object = OpenSaml.unmarshall(root);
            if (object instanceof Response response) {
                return response;
            }
        } catch (UnmarshallingException | RuntimeException e) {
            throw new SamlRejection(Reason.MALFORMED, "SAMLResponse cannot be read", e);
        }
        throw new SamlRejection(Reason.MALFORMED, "document is not a SAML 2.0 Response");
    }

    private static void checkStatus(Response response) throws SamlRejection {
        if (response.getStatus() == null
                || response.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(
                        response.getStatus().getStatusCode().getValue())) {
            throw new SamlRejection(Reason.STATUS_NOT_SUCCESS, "the IdP did not report success");
        }
    }

    /** Exactly one saml:Assertion anywhere in the document, and it is a direct child of the root Response. */
    private static Assertion singleAssertion(Response response) throws SamlRejection {
        Document document = response.getDOM().getOwnerDocument();
        int everywhere =
                document.getElementsByTagNameNS(SAML2_ASSERTION_NS, "Assertion").getLength();
        if (everywhere == 0) {
            throw new SamlRejection(Reason.NO_ASSERTION, "response contains no assertion");
        }
        if (everywhere > 1 || response.getAssertions().size() != 1) {
            throw new SamlRejection(Reason.MULTIPLE_ASSERTIONS, "response must contain exactly one assertion");
        }
        return response.getAssertions().get(0);
    }

    private static void verifySignatures(Response response, Assertion assertion, SamlExpectations expected)
            throws SamlRejection {
        if (!response.isSigned() && !assertion.isSigned()) {
            throw new SamlRejection(Reason.NOT_SIGNED, "neither the response nor the assertion is signed");
        }
        SignatureCheck check = new SignatureCheck(expected.trustedCertificates());
        if (response.isSigned()) {
            check.verify(response);
        }
        if (assertion.isSigned()) {
            check.verify(assertion);
        }
        // The element we read identity from must be covered: the assertion itself, or the root response it sits in.
        Element assertionElement = assertion.getDOM();
        boolean coveredByResponse = response.isSigned()
                && assertionElement.getParentNode() == response.getDOM()
                && response.getDOM() == response.getDOM().getOwnerDocument().getDocumentElement();
        if (!assertion.isSigned() && !coveredByResponse) {
            throw new SamlRejection(Reason.SIGNATURE_WRAPPING, "the assertion is not covered by a signature");
        }
    }

    private static void checkIssuer(Issuer issuer, SamlExpectations expected, boolean required) throws SamlRejection {
        if (issuer == null) {
            if (required) {
                throw new SamlRejection(Reason.WRONG_ISSUER, "assertion has no issuer");
            }
            return;
        }
        boolean entityFormat = issuer.getFormat() == null || Issuer.ENTITY.equals(issuer.getFormat());
        if (!entityFormat || !expected.idpEntityId().equals(issuer.getValue())) {
            throw new SamlRejection(Reason.WRONG_ISSUER, "issuer is not the configured IdP");
        }
    }

    /** Returns the assertion's NotOnOrAfter (or null). */
    private static Instant checkConditions(Conditions conditions, SamlExpectations expected, Instant now)
            throws SamlRejection {
        if (conditions == null) {
            throw new SamlRejection(Reason.WRONG_AUDIENCE, "assertion has no conditions (audience)");
        }
        Instant notBefore = toInstant(conditions.getNotBefore());
        if (notBefore != null && now.plus(expected.allowedSkew()).isBefore(notBefore)) {
            throw new SamlRejection(Reason.NOT_YET_VALID, "assertion is not valid yet");
        }
        Instant notOnOrAfter = toInstant(conditions.getNotOnOrAfter());
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(expected.allowedSkew()))) {
            throw new SamlRejection(Reason.EXPIRED, "assertion has expired");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw new SamlRejection(Reason.WRONG_AUDIENCE, "assertion has no audience restriction");
        }
        for (AudienceRestriction restriction : restrictions) {
            boolean ours = restriction.getAudiences().stream()
                    .map(Audience::getAudienceURI)
                    .anyMatch(expected.spEntityId()::equals);
            if (!ours) {
                throw new SamlRejection(Reason.WRONG_AUDIENCE, "assertion is meant for another service provider");
            }
        }
        return notOnOrAfter;
    }

    /** The first bearer confirmation that fits; else the rejection of the first bearer confirmation seen. */
    private static SubjectConfirmationData bearerConfirmation(Subject subject, SamlExpectations expected, Instant now)
            throws SamlRejection {
        SamlRejection first = null;
        for (SubjectConfirmation confirmation : subject.getSubjectConfirmations()) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                continue;
            }
            try {
                return checkBearer(confirmation.getSubjectConfirmationData(), expected, now);
            } catch (SamlRejection e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : new SamlRejection(Reason.NO_SUBJECT, "assertion has no bearer confirmation");
    }

    private static SubjectConfirmationData checkBearer(
            SubjectConfirmationData data, SamlExpectations expected, Instant now) throws SamlRejection {
        if (data == null || !expected.acsUrl().equals(data.getRecipient())) {
            throw new SamlRejection(Reason.WRONG_RECIPIENT, "assertion is meant for another endpoint");
        }
        Instant notOnOrAfter = toInstant(data.getNotOnOrAfter());
        if (notOnOrAfter == null) {
            throw new SamlRejection(Reason.EXPIRED, "bearer confirmation has no NotOnOrAfter");
        }
        if (!now.isBefore(notOnOrAfter.plus(expected.allowedSkew()))) {
            throw new SamlRejection(Reason.EXPIRED, "assertion has expired");
        }
        Instant notBefore = toInstant(data.getNotBefore());
        if (notBefore != null && now.plus(expected.allowedSkew()).isBefore(notBefore)) {
            throw new SamlRejection(Reason.NOT_YET_VALID, "assertion is not valid yet");
        }
        return data;
    }

    /** IdP-initiated (unsolicited) responses are refused: every response must answer a request we issued. */
    private static String checkInResponseTo(
            Response response, SubjectConfirmationData confirmation, SamlExpectations expected) throws SamlRejection {
        String fromResponse = response.getInResponseTo();
        String fromConfirmation = confirmation.getInResponseTo();
        String id = fromConfirmation != null ? fromConfirmation : fromResponse;
        if (id == null || (fromResponse != null && !fromResponse.equals(id))) {
            throw new SamlRejection(Reason.UNKNOWN_IN_RESPONSE_TO, "response does not answer a login we started");
        }
        if (!expected.requests().consume(id)) {
            throw new SamlRejection(Reason.UNKNOWN_IN_RESPONSE_TO, "response answers an unknown or used login request");
        }
        return id;
    }

    private static String nameIdValue(NameID nameId) throws SamlRejection {
        if (nameId == null || nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw new SamlRejection(Reason.NO_SUBJECT, "assertion has no NameID");
        }
        // Belt and braces against comment/PI truncation: the value must be the element's whole text.
        String whole =
                nameId.getDOM() == null ? nameId.getValue() : nameId.getDOM().getTextContent();
        if (!nameId.getValue().equals(whole)) {
            throw new SamlRejection(Reason.MALFORMED, "NameID is split by markup");
        }
        return nameId.getValue().strip();
    }

    private static Optional<String> sessionIndex(Assertion assertion) {
        return assertion.getAuthnStatements().stream()
                .map(AuthnStatement::getSessionIndex)
                .filter(s -> s != null && !s.isBlank())
                .findFirst();
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                List<String> values = merged.computeIfAbsent(attribute.getName(), n -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    String text = valueText(value);
                    if (text != null) {
                        values.add(text);
                    }
                }
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        merged.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return frozen;
    }

    private static String valueText(XMLObject value) {
        if (value instanceof XSString s) {
            return s.getValue();
        }
        if (value instanceof XSAny any) {
            return any.getTextContent();
        }
        if (value instanceof XSURI uri) {
            return uri.getValue();
        }
        if (value instanceof XSInteger integer) {
            return integer.getValue() == null ? null : integer.getValue().toString();
        }
        if (value instanceof XSBoolean bool) {
            return bool.getValue() == null ? null : bool.getValue().toString();
        }
        if (value instanceof XSBase64Binary binary) {
            return binary.getValue();
        }
        return value.getDOM() == null ? null : value.getDOM().getTextContent();
    }

    private static Instant toInstant(DateTime time) {
        return time == null ? null : Instant.ofEpochMilli(time.getMillis());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
