package io.rollcall.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.MemberChange;
import io.rollcall.application.scim.ScimGroupService;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.FilterTranslator;
import io.rollcall.scim.filter.ScimResourceSchemas;
import io.rollcall.scim.filter.ScimSearch;
import io.rollcall.scim.filter.SearchSpec;
import io.rollcall.scim.patch.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** SCIMple's repository SPI for Groups, over the same use cases as {@link GroupsResource} (see ScimUserRepository). */
@ApplicationScoped
public class ScimGroupRepository implements Repository<ScimGroup> {

    private static final FilterTranslator TRANSLATOR = new FilterTranslator(ScimResourceSchemas.GROUP);

    private final ScimGroupService groups;
    private final ScimContext context;
    private final ScimSearch search;
    private final SchemaRegistry schemas;
    private final RollcallConfig config;

    @Inject
    public ScimGroupRepository(ScimGroupService groups, ScimContext context, ScimSearch search,
            SchemaRegistry schemas, RollcallConfig config) {
        this.groups = groups;
        this.context = context;
        this.search = search;
        this.schemas = schemas;
        this.config = config;
    }

    /** For CDI proxies only. */
    protected ScimGroupRepository() {
        this(null, null, null, null, null);
    }

    @Override
    public Class<ScimGroup> getResourceClass() {
        return ScimGroup.class;
    }

    @Override
    public ScimGroup create(ScimGroup resource) {
        ObjectNode document = json(resource);
        ScimGroupView created = groups.create(context.caller(), GroupJson.draft(document, null),
                GroupJson.memberIds(JsonFields.get(document, "members")));
        return get(created.group().id());
    }

    @Override
    public ScimGroup update(String id, String version, ScimGroup resource, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        ObjectNode document = json(resource);
        groups.update(context.caller(), id, ETags.expectedVersion(version), current -> GroupJson.draft(document, GroupJson.toJson(new ScimGroupView(current, null), base())),
                List.of(new MemberChange.ReplaceAll(GroupJson.memberIds(JsonFields.get(document, "members")))));
        return get(id);
    }

    @Override
    public ScimGroup patch(String id, String version, List<PatchOperation> operations, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        ObjectNode request = mapper().createObjectNode();
        request.putArray("schemas").add(io.rollcall.scim.patch.PatchOperation.SCHEMA);
        request.set("Operations", mapper().valueToTree(operations));
        GroupPatchPlan plan = GroupPatchPlan.of(io.rollcall.scim.patch.PatchOperation.parseRequest(request));
        groups.update(context.caller(), id, ETags.expectedVersion(version),
                plan.attributeOperations().isEmpty() ? null : current -> {
                    ObjectNode before = GroupJson.toJson(new ScimGroupView(current, null), base());
                    ObjectNode document = before.deepCopy();
                    GroupPatchPlan.applyAttributes(document, plan.attributeOperations());
                    return GroupJson.draft(document, before);
                }, plan.memberChanges());
        return get(id);
    }

    @Override
    public ScimGroup get(String id) {
        return bean(groups.get(context.caller(), id, true));
    }

    @Override
    public FilterResponse<ScimGroup> find(Filter filter, PageRequest pageRequest, SortRequest sortRequest) {
        SearchSpec spec = ScimpleBeans.searchSpec(filter, pageRequest, sortRequest);
        Page<ScimGroupView> page = groups.list(workspace -> search.search(Group.class, TRANSLATOR,
                (cb, root) -> cb.and(cb.equal(root.get("workspaceId"), workspace),
                        cb.equal(root.get("membershipType"), MembershipType.DYNAMIC)), spec), context.caller(), true);
        return ScimpleBeans.response(page, this::bean, pageRequest);
    }

    @Override
    public void delete(String id) {
        groups.delete(context.caller(), id, null);
    }

    private ObjectNode json(ScimGroup group) {
        return ScimpleBeans.withoutMeta(mapper(), group);
    }

    private ScimGroup bean(ScimGroupView view) {
        return ScimpleBeans.bind(mapper(), GroupJson.toJson(view, base()), ScimGroup.class);
    }

    private String base() {
        return config.publicUrl() + "/scim/v2/";
    }

    private ObjectMapper mapper() {
        return ObjectMapperFactory.createObjectMapper(schemas);
    }
}
