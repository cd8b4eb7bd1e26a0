package io.rollcall.application.sso;

import io.rollcall.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IdP signing certificates as PEM text: parsed from owners' input and from the stored connection. */
final class Certificates {

    static final int MAX = 4;
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private Certificates() {}

    /** Every certificate in a PEM text (one or more blocks, or one bare base64 DER value). */
    static List<X509Certificate> parse(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            out.add(decode(m.group(1)));
        }
        if (out.isEmpty() && !pem.isBlank() && !pem.contains("-----")) {
            out.add(decode(pem));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("certificates", "no PEM certificate found");
        }
        return out;
    }

    static X509Certificate decode(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new InvalidInputException("certificates", "a certificate cannot be read as X.509");
        }
    }

    static String toPem(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new InvalidInputException("certificates", "a certificate cannot be encoded");
            }
        }
        return out.toString();
    }
}
