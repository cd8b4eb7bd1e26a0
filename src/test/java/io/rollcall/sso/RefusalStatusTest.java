package io.rollcall.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.sso.SsoFailure;
import io.rollcall.application.sso.SsoFailure.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The web layer, not the use case, picks each refusal's HTTP status; these are the statuses /sso has always sent. */
class RefusalStatusTest {

    @ParameterizedTest
    @CsvSource({
        "LOGIN_STATE_MISSING,400",
        "INVALID_RETURN_URL,400",
        "SUBJECT_TOO_LONG,400",
        "MALFORMED_RESPONSE,400",
        "RESPONSE_REJECTED,401",
        "EMAIL_NOT_VERIFIED,403",
        "NOT_INVITED,403",
        "DEACTIVATED,403",
        "NO_CONNECTION,404",
        "SUBJECT_MISMATCH,409",
        "MEMBERSHIP_CONFLICT,409",
        "IDP_UNAVAILABLE,502",
        "SECRET_KEY_MISSING,503",
        "SECRET_KEY_MISMATCH,503"
    })
    void eachRefusalReasonHasItsStatus(Reason reason, int status) {
        assertThat(SsoErrorPages.Failures.status(reason)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"NOT_INVITED,not-invited", "LOGIN_STATE_MISSING,login-state-missing"})
    void aReasonWithoutFinerCodeIsAuditedUnderItsOwnName(Reason reason, String code) {
        SsoFailure failure = new SsoFailure(reason, "safe message");

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.identity()).isEmpty();
    }
}
