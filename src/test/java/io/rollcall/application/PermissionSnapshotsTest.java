package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.rollcall.domain.rbac.EffectivePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PermissionSnapshotsTest {

    /** The database as the reader sees it: snapshots by "workspace/member" and "workspace/account:..." keys. */
    private final Map<String, PermissionSnapshot> database = new HashMap<>();

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private Runnable duringRead = () -> {};
    private final PermissionSnapshots snapshots = new PermissionSnapshots(
            new PermissionReader() {
                @Override
                public Optional<PermissionSnapshot> ofMember(String workspaceId, String memberId) {
                    return read(workspaceId + "/" + memberId);
                }

                @Override
                public Optional<PermissionSnapshot> ofAccount(String workspaceId, String accountId) {
                    return read(workspaceId + "/account:" + accountId);
                }
            },
            (Ticker) nanos::get);

    private Optional<PermissionSnapshot> read(String key) {
        reads.incrementAndGet();
        Optional<PermissionSnapshot> found = Optional.ofNullable(database.get(key));
        duringRead.run();
        return found;
    }

    private static PermissionSnapshot active(String id) {
        return new PermissionSnapshot(id, true, EffectivePermissions.none());
    }

    private static PermissionSnapshot deactivated(String id) {
        return new PermissionSnapshot(id, false, EffectivePermissions.none());
    }

    @Test
    void aSecondCheckOfTheSameMemberIsServedWithoutReading() {
        database.put("ws1/m1", active("m1"));

        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));

        assertThat(reads).hasValue(1);
    }

    @Test
    void aPermissionChangeInTheWorkspaceIsSeenByTheNextCheck() {
        database.put("ws1/m1", active("m1"));
        database.put("ws1/account:a1", active("m1"));
        snapshots.ofMember("ws1", "m1");
        snapshots.ofAccount("ws1", "a1");

        database.put("ws1/m1", deactivated("m1"));
        database.put("ws1/account:a1", deactivated("m1"));
        snapshots.changed(new WorkspaceChanged("ws1", "member.updated"));

        assertThat(snapshots.ofMember("ws1", "m1")).contains(deactivated("m1"));
        assertThat(snapshots.ofAccount("ws1", "a1")).contains(deactivated("m1"));
        assertThat(reads).hasValue(4);
    }

    @Test
    void aChangeInAnotherWorkspaceKeepsThisOnesSnapshots() {
        database.put("ws1/m1", active("m1"));
        snapshots.ofMember("ws1", "m1");

        snapshots.changed(new WorkspaceChanged("ws2", "role.updated"));
        snapshots.invalidate("ws3");

        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeThatCannotAlterPermissionsKeepsTheSnapshots() {
        database.put("ws1/m1", active("m1"));
        snapshots.ofMember("ws1", "m1");

        snapshots.changed(new WorkspaceChanged("ws1", "invite.created"));
        snapshots.changed(new WorkspaceChanged("ws1", "scim.user.created"));

        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatOverlappedAChangeIsNotServedAfterIt() {
        database.put("ws1/m1", active("m1"));
        // The change commits (and is announced) while the read is under way: what was read may predate it.
        duringRead = () -> {
            database.put("ws1/m1", deactivated("m1"));
            snapshots.invalidate("ws1");
        };
        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        duringRead = () -> {};

        assertThat(snapshots.ofMember("ws1", "m1")).contains(deactivated("m1"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void unknownMembersAreNeverRemembered() {
        assertThat(snapshots.ofMember("ws1", "m1")).isEmpty();
        database.put("ws1/m1", active("m1"));

        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSnapshotIsReadAgainAfterTheTrustWindowWithoutAnyAnnouncement() {
        database.put("ws1/m1", active("m1"));
        snapshots.ofMember("ws1", "m1");
        // Changed by an instance that cannot announce it (no cluster settings, same database).
        database.put("ws1/m1", deactivated("m1"));

        nanos.addAndGet(PermissionSnapshots.TRUST_FOR.toNanos() - 1);
        assertThat(snapshots.ofMember("ws1", "m1")).contains(active("m1"));
        nanos.addAndGet(1);
        assertThat(snapshots.ofMember("ws1", "m1")).contains(deactivated("m1"));
    }

    @Test
    void membersAndAccountsAreSeparateEntries() {
        database.put("ws1/x", active("x"));
        database.put("ws1/account:x", deactivated("m9"));

        assertThat(snapshots.ofMember("ws1", "x")).contains(active("x"));
        assertThat(snapshots.ofAccount("ws1", "x")).contains(deactivated("m9"));
    }
}
