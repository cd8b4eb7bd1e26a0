package io.rollcall.security.saml;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.w3c.dom.Document;

/**
 * A test IdP (an entity id and its signing key) that answers Rollcall's SAML logins over the POST binding: real round
 * trips against a running server, responses signed by {@link TestSamlIdp}. For ITs in any package.
 */
public record SamlTestIdp(String entityId, TestCertificates.TestKey key) {

    private static final Pattern STATE_COOKIE = Pattern.compile("rollcall_sso_state=([^;]+)");

    /** A login started at {@code /sso/{ws}/login}: the state cookie's value and the AuthnRequest's id. */
    public record Started(String stateCookie, String requestId) {}

    public static SamlTestIdp create(String name) {
        return new SamlTestIdp(
                "https://" + name + "-" + UUID.randomUUID() + ".idp.example", TestCertificates.generate(name));
    }

    /** The body of {@code PUT /api/v1/workspaces/{ws}/sso} that trusts this IdP. */
    public String connection(boolean relinkByEmail) {
        return "{\"type\":\"saml\",\"idpEntityId\":" + q(entityId) + ",\"ssoUrl\":\"https://idp.example/sso\","
                + "\"certificates\":[" + q(pem()) + "]" + (relinkByEmail ? ",\"relinkByEmail\":true" : "") + "}";
    }

    private String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder().encodeToString(key.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a login on the server at {@code base}, as a browser would: 303 to the IdP with a state cookie. */
    public static Started start(URI base, String ws) {
        Api.Reply started = RawHttp.send(base, "GET", "/sso/" + ws + "/login", Map.of(), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(303);
        Matcher cookie = STATE_COOKIE.matcher(String.join(";", started.headers().allValues("Set-Cookie")));
        assertThat(cookie.find()).isTrue();
        return new Started(cookie.group(1), requestId(URI.create(started.header("Location"))));
    }

    /**
     * The base64 SAMLResponse this IdP sends for {@code nameId}/{@code email} in answer to {@code requestId}, addressed
     * to the ACS of workspace {@code ws} under {@code publicUrl}, with one signed assertion {@code assertionId}.
     */
    public String response(
            URI publicUrl, String ws, String requestId, String assertionId, String nameId, String email) {
        TestSamlIdp response = new TestSamlIdp(Instant.now());
        response.idpEntityId = entityId;
        response.responseIssuer = entityId;
        response.assertionIssuer = entityId;
        response.spEntityId = publicUrl + "/sso/" + ws + "/saml/metadata";
        response.audience = response.spEntityId;
        response.acsUrl = publicUrl + "/sso/" + ws + "/saml/acs";
        response.destination = response.acsUrl;
        response.recipient = response.acsUrl;
        response.inResponseTo = requestId;
        response.assertionId = assertionId;
        response.nameId = nameId;
        response.email = email;
        Document doc = response.response();
        TestSamlIdp.sign(TestSamlIdp.assertion(doc, 0), key);
        return TestSamlIdp.encode(doc);
    }

    /** Posts {@code samlResponse} with the state cookie to the ACS of the server at {@code base}, asking for JSON. */
    public static Api.Reply post(URI base, String ws, String stateCookie, String samlResponse) {
        return RawHttp.send(
                base,
                "POST",
                "/sso/" + ws + "/saml/acs",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Accept",
                        "application/json",
                        "Cookie",
                        "rollcall_sso_state=" + stateCookie),
                "SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8));
    }

    /** A full login on the server at {@code base} (its own public URL): start, answer, post. */
    public Api.Reply login(URI base, String ws, String nameId, String email) {
        Started started = start(base, ws);
        return post(
                base,
                ws,
                started.stateCookie(),
                response(base, ws, started.requestId(), "_a" + UUID.randomUUID(), nameId, email));
    }

    private static String requestId(URI redirect) {
        String encoded = null;
        for (String pair : redirect.getRawQuery().split("&")) {
            if (pair.startsWith("SAMLRequest=")) {
                encoded = URLDecoder.decode(pair.substring("SAMLRequest=".length()), StandardCharsets.UTF_8);
            }
        }
        try {
            Inflater inflater = new Inflater(true);
            inflater.setInput(Base64.getDecoder().decode(encoded));
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                xml.write(buffer, 0, n);
            }
            return TestSamlIdp.parse(xml.toString(StandardCharsets.UTF_8))
                    .getDocumentElement()
                    .getAttribute("ID");
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
