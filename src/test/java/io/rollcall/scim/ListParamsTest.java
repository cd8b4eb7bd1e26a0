package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.application.scim.ScimProblem;
import org.junit.jupiter.api.Test;

/** Paging and sorting parameters (RFC 7644 section 3.4.2.4) and the advertised maximum. */
class ListParamsTest {

    @Test
    void startIndexIsOneBasedAndClamped() {
        assertThat(ListParams.of(null, null, null, "1", "10", null, null).spec().offset())
                .isZero();
        assertThat(ListParams.of(null, null, null, "11", "10", null, null)
                        .spec()
                        .offset())
                .isEqualTo(10);
        ListParams below = ListParams.of(null, null, null, "0", "10", null, null);
        assertThat(below.spec().offset()).isZero();
        assertThat(below.startIndex()).isEqualTo(1);
    }

    @Test
    void countIsCappedAtTheAdvertisedMaximumAndNeverNegative() {
        assertThat(ListParams.of(null, null, null, null, "100000", null, null)
                        .spec()
                        .limit())
                .isEqualTo(ListParams.MAX_RESULTS);
        assertThat(ListParams.of(null, null, null, null, "-5", null, null)
                        .spec()
                        .limit())
                .isZero();
        assertThat(ListParams.of(null, null, null, null, null, null, null)
                        .spec()
                        .limit())
                .isEqualTo(ListParams.DEFAULT_COUNT);
        assertThat(ScimServerConfiguration.configuration().getFilterMaxResults())
                .isEqualTo(ListParams.MAX_RESULTS);
    }

    @Test
    void sortOrderAndNumbersAreValidated() {
        assertThat(ListParams.of(null, "userName", "DESCENDING", null, null, null, null)
                        .spec()
                        .descending())
                .isTrue();
        assertThatThrownBy(() -> ListParams.of(null, "userName", "sideways", null, null, null, null))
                .isInstanceOf(ScimProblem.class);
        assertThatThrownBy(() -> ListParams.of(null, null, null, "one", null, null, null))
                .isInstanceOf(ScimProblem.class);
        assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, "userName", "emails"))
                .isInstanceOf(ScimProblem.class);
    }

    @Test
    void searchRequestBodiesUseTheSameRules() throws Exception {
        ListParams params = ListParams.of(new ObjectMapper()
                .readTree("{\"schemas\":"
                        + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName sw \\\"j\\\"\","
                        + "\"startIndex\":3,\"count\":500,\"attributes\":[\"userName\",\"emails\"]}"));
        assertThat(params.spec().offset()).isEqualTo(2);
        assertThat(params.spec().limit()).isEqualTo(ListParams.MAX_RESULTS);
        assertThat(params.spec().filter()).isNotNull();
        assertThat(params.projection().attributes()).containsExactly("username", "emails");
    }
}
