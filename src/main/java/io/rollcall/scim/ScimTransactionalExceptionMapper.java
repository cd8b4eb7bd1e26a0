package io.rollcall.scim;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Failures at commit (an optimistic lock or a unique key lost to a concurrent writer) arrive wrapped in a
 * {@link TransactionalException}. Jersey ships a mapper for exactly that type which re-throws, and an exact-type
 * mapper beats {@link ScimExceptionMapper}'s {@code Throwable}: without this one, such a race is a 500.
 */
public class ScimTransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    private final ScimExceptionMapper delegate = new ScimExceptionMapper();

    @Override
    public Response toResponse(TransactionalException thrown) {
        return delegate.toResponse(thrown);
    }
}
