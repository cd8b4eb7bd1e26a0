package io.rollcall.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimUserService;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.FilterTranslator;
import io.rollcall.scim.filter.ScimResourceSchemas;
import io.rollcall.scim.filter.ScimSearch;
import io.rollcall.scim.filter.SearchSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * SCIMple's repository SPI for Users, over the same use cases and mapping as {@link UsersResource}. SCIMple uses it
 * to register the User schema and its enterprise extension (for /Schemas and /ResourceTypes); our HTTP resources
 * work on JSON directly because SCIMple M1's bean binding drops unknown attributes silently.
 */
@ApplicationScoped
public class ScimUserRepository implements Repository<ScimUser> {

    private static final FilterTranslator TRANSLATOR = new FilterTranslator(ScimResourceSchemas.USER);

    private final ScimUserService users;
    private final ScimContext context;
    private final ScimSearch search;
    private final SchemaRegistry schemas;
    private final RollcallConfig config;

    @Inject
    public ScimUserRepository(ScimUserService users, ScimContext context, ScimSearch search, SchemaRegistry schemas,
            RollcallConfig config) {
        this.users = users;
        this.context = context;
        this.search = search;
        this.schemas = schemas;
        this.config = config;
    }

    /** For CDI proxies only. */
    protected ScimUserRepository() {
        this(null, null, null, null, null);
    }

    @Override
    public Class<ScimUser> getResourceClass() {
        return ScimUser.class;
    }

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return List.of(EnterpriseExtension.class);
    }

    @Override
    public ScimUser create(ScimUser resource) {
        return bean(users.create(context.caller(), UserJson.fromJson(json(resource), null)));
    }

    @Override
    public ScimUser update(String id, String version, ScimUser resource, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        ObjectNode document = json(resource);
        return bean(users.update(context.caller(), id, ETags.expectedVersion(version),
                current -> UserJson.fromJson(document, UserJson.toJson(current, base()))));
    }

    @Override
    public ScimUser patch(String id, String version, List<PatchOperation> operations, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        ObjectNode request = mapper().createObjectNode();
        request.putArray("schemas").add(io.rollcall.scim.patch.PatchOperation.SCHEMA);
        request.set("Operations", mapper().valueToTree(operations));
        List<io.rollcall.scim.patch.PatchOperation> parsed = io.rollcall.scim.patch.PatchOperation.parseRequest(request);
        return bean(users.update(context.caller(), id, ETags.expectedVersion(version), current -> {
            ObjectNode before = UserJson.toJson(current, base());
            ObjectNode document = before.deepCopy();
            UsersResource.PATCHER.apply(document, parsed);
            return UserJson.fromJson(document, before);
        }));
    }

    @Override
    public ScimUser get(String id) {
        return bean(users.get(context.caller(), id));
    }

    @Override
    public FilterResponse<ScimUser> find(Filter filter, PageRequest pageRequest, SortRequest sortRequest) {
        SearchSpec spec = ScimpleBeans.searchSpec(filter, pageRequest, sortRequest);
        Page<ScimUserView> page = users.list(workspace -> search.search(Member.class, TRANSLATOR,
                (cb, root) -> cb.equal(root.get("workspaceId"), workspace), spec), context.caller());
        return ScimpleBeans.response(page, this::bean, pageRequest);
    }

    @Override
    public void delete(String id) {
        users.delete(context.caller(), id, null);
    }

    private ObjectNode json(ScimUser user) {
        return ScimpleBeans.withoutMeta(mapper(), user);
    }

    private ScimUser bean(ScimUserView view) {
        return ScimpleBeans.bind(mapper(), UserJson.toJson(view, base()), ScimUser.class);
    }

    private String base() {
        return config.publicUrl() + "/scim/v2/";
    }

    private ObjectMapper mapper() {
        return ObjectMapperFactory.createObjectMapper(schemas);
    }
}
