package io.rollcall.domain.shared;

/**
 * A write lost a race with a concurrent request at a database unique key or reference (SQLState class 23): a
 * duplicate that a check before the write could not see, or a row that went away. The client may retry. Raised by the
 * persistence layer; each protocol maps it once (admin 409 {@code constraint-violation}, SCIM 409 {@code uniqueness},
 * SSO 409 {@code concurrent-login}).
 */
public class ConcurrentWriteConflict extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ConcurrentWriteConflict() {
        super(
                "constraint-violation",
                "the change conflicts with a concurrent change (duplicate or missing reference); retry");
    }
}
