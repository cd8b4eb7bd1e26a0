package io.rollcall.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Members' {@link PermissionSnapshot}s remembered between authorization checks, so that the hot path of a product that
 * asks on every request ({@code POST .../authz/check}) does not read the member, its role and its groups' roles from
 * the database each time.
 *
 * <p>Invalidation is per workspace, by a generation counter: every permission-relevant change committed on this
 * instance ({@link WorkspaceChanged#changesPermissions()}: member role or active state, deletion, group role or
 * membership — static, SCIM or SSO-dynamic —, role permissions, SSO connection, workspace settings) bumps the
 * workspace's generation after commit, before the request that made it answers; another instance of a cluster bumps it
 * when the change's broadcast arrives ({@code ClusterInvalidations}, tested under a second). A snapshot is served only
 * while its workspace is still at the generation noted <em>before</em> it was read (a read that overlapped a change is
 * never served afterwards), and for at most {@link #TRUST_FOR} in any case, which bounds staleness where no broadcast
 * can arrive (instances on one database without cluster settings). Unknown members are never remembered. Bounded to
 * {@value #MAX_ENTRIES} entries. Thread-safe.
 */
@ApplicationScoped
public class PermissionSnapshots {

    /** At most this long is a snapshot served; after that it is read again whatever the broadcasts said. */
    public static final Duration TRUST_FOR = Duration.ofSeconds(5);

    static final int MAX_ENTRIES = 100_000;

    private final PermissionReader reader;
    private final Cache<Key, Stamped> snapshots;
    private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    @Inject
    public PermissionSnapshots(PermissionReader reader) {
        this(reader, Ticker.systemTicker());
    }

    PermissionSnapshots(PermissionReader reader, Ticker ticker) {
        this.reader = reader;
        // Maintenance on the calling thread: no container-unmanaged pool threads.
        this.snapshots = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TRUST_FOR)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** For CDI proxies only. */
    protected PermissionSnapshots() {
        this.reader = null;
        this.snapshots = null;
    }

    private enum By {
        MEMBER,
        ACCOUNT
    }

    private record Key(String workspaceId, By by, String id) {}

    private record Stamped(long generation, PermissionSnapshot snapshot) {}

    /** The member with this id in the workspace; empty when there is none. */
    public Optional<PermissionSnapshot> ofMember(String workspaceId, String memberId) {
        return get(new Key(workspaceId, By.MEMBER, memberId), () -> reader.ofMember(workspaceId, memberId));
    }

    /** The member of this account in the workspace (an admin API caller); empty when it is not a member there. */
    public Optional<PermissionSnapshot> ofAccount(String workspaceId, String accountId) {
        return get(new Key(workspaceId, By.ACCOUNT, accountId), () -> reader.ofAccount(workspaceId, accountId));
    }

    private Optional<PermissionSnapshot> get(Key key, Supplier<Optional<PermissionSnapshot>> read) {
        long generation = generation(key.workspaceId());
        Stamped known = snapshots.getIfPresent(key);
        if (known != null && known.generation() == generation) {
            return Optional.of(known.snapshot());
        }
        Optional<PermissionSnapshot> current = read.get();
        if (current.isPresent()) {
            snapshots.put(key, new Stamped(generation, current.get()));
        } else {
            snapshots.invalidate(key);
        }
        return current;
    }

    /**
     * Forgets everything known about the workspace: later checks read the database again. Called after a change
     * committed here, and for changes other instances announce.
     */
    public void invalidate(String workspaceId) {
        generations.computeIfAbsent(workspaceId, id -> new AtomicLong()).incrementAndGet();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkspaceChanged change) {
        if (change.changesPermissions()) {
            invalidate(change.workspaceId());
        }
    }

    private long generation(String workspaceId) {
        AtomicLong generation = generations.get(workspaceId);
        return generation == null ? 0 : generation.get();
    }
}
