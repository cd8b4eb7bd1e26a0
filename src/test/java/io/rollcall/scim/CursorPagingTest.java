package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 9865 cursor paging parameters, cursors and the page they produce. */
class CursorPagingTest {

    @Test
    void cursorRoundTripsOnlyForTheSameFilter() {
        String id = UUID.randomUUID().toString();
        String scope = Cursors.scope("userName sw \"a\"");
        String cursor = Cursors.encode(id, scope);
        assertThat(cursor).doesNotContain(id).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, scope)).isEqualTo(id);
        assertThat(Cursors.scope(null)).isEqualTo(Cursors.scope("  "));
        for (String bad : List.of(
                "!!",
                "bm90IGEgY3Vyc29y",
                Cursors.encode("1 OR 1=1", scope),
                Cursors.encode(id, Cursors.scope("userName sw \"b\"")))) {
            assertThatThrownBy(() -> Cursors.decode(bad, scope))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo("invalidCursor"));
        }
    }

    @Test
    void emptyCursorStartsKeysetPagingAndExcludesIndexParameters() {
        ListParams first = ListParams.of(null, null, null, null, "2", null, null, "");
        assertThat(first.cursorScope()).isNotNull();
        assertThat(first.spec().keyset()).isNotNull();
        assertThat(first.spec().keyset().afterId()).isNull();
        assertThat(first.spec().limit()).isEqualTo(2);
        String id = UUID.randomUUID().toString();
        ListParams next =
                ListParams.of(null, null, null, null, "2", null, null, Cursors.encode(id, first.cursorScope()));
        assertThat(next.spec().keyset().afterId()).isEqualTo(id);
        assertThat(ListParams.of(null, null, null, null, "2", null, null, null)
                        .spec()
                        .keyset())
                .isNull();
        assertThatThrownBy(() -> ListParams.of(null, null, null, "3", "2", null, null, ""))
                .isInstanceOf(ScimProblem.class);
        assertThatThrownBy(() -> ListParams.of(null, "userName", null, null, "2", null, null, ""))
                .isInstanceOf(ScimProblem.class);
    }

    @Test
    void theExtraItemBecomesNextCursorAndIsNotShown() {
        ListParams params = ListParams.of(null, null, null, null, "2", null, null, "");
        List<ObjectNode> resources = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(UUID.randomUUID().toString());
            resources.add(JsonNodeFactory.instance.objectNode().put("id", ids.get(i)));
        }
        ObjectNode page = ListResponses.of(params, resources, ids, 17);
        assertThat(page.get("Resources")).hasSize(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("totalResults").asInt()).isEqualTo(17);
        assertThat(page.has("startIndex")).isFalse();
        assertThat(Cursors.decode(page.get("nextCursor").asText(), params.cursorScope()))
                .isEqualTo(ids.get(1));
        ObjectNode last = ListResponses.of(params, resources.subList(0, 2), ids.subList(0, 2), 2);
        assertThat(last.has("nextCursor")).isFalse();
    }

    @Test
    void serviceProviderConfigAdvertisesBothPagingMethods() {
        ObjectNode config = ServiceProviderConfigResource.render(ScimServerConfiguration.configuration(), "http://x/");
        assertThat(config.get("pagination").get("cursor").asBoolean()).isTrue();
        assertThat(config.get("pagination").get("index").asBoolean()).isTrue();
        assertThat(config.get("pagination").get("maxPageSize").asInt()).isEqualTo(ListParams.MAX_RESULTS);
        assertThat(config.get("bulk").get("supported").asBoolean()).isTrue();
    }
}
