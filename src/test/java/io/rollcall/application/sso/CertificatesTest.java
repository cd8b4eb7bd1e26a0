package io.rollcall.application.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.security.saml.TestCertificates;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    @Test
    void pemRoundTripKeepsEveryCertificate() {
        List<X509Certificate> two = List.of(
                TestCertificates.generate("idp").certificate(),
                TestCertificates.generate("other").certificate());

        assertThat(Certificates.parse(Certificates.toPem(two))).containsExactlyElementsOf(two);
    }

    @Test
    void garbageIsInvalidInput() {
        assertThatThrownBy(() -> Certificates.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Certificates.parse("hello -----")).isInstanceOf(InvalidInputException.class);
    }
}
