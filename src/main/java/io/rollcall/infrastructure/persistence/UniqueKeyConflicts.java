package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.DomainException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Translates an integrity-constraint failure of a transactional use case (at a flush or at commit) into the domain's
 * {@link ConcurrentWriteConflict}, so that the entry points map a domain type and never look into SQL exceptions.
 * Bound to every {@link Transactional} method (its members are non-binding) and ordered just outside the container's
 * transaction interceptor ({@code PLATFORM_BEFORE + 200}, Jakarta Transactions 2.0 section 3.7), so that it also sees
 * failures raised by the commit. The SQL detail goes to the log at FINE, never to the client.
 * <p>
 * Only use cases (methods declared in {@code io.rollcall.application}) are translated: persistence's own
 * transactional helpers keep their exceptions, because some detect a duplicate on purpose (the SAML replay cache,
 * {@link AssertionUseWriter}, whose unique key is the replay check).
 */
@Interceptor
@Transactional
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class UniqueKeyConflicts {

    private static final Logger LOG = Logger.getLogger(UniqueKeyConflicts.class.getName());

    private static final String USE_CASES = "io.rollcall.application";

    @AroundInvoke
    Object translate(InvocationContext call) throws Exception {
        if (call.getMethod() == null
                || !call.getMethod().getDeclaringClass().getPackageName().startsWith(USE_CASES)) {
            return call.proceed();
        }
        try {
            return call.proceed();
        } catch (DomainException refusal) {
            throw refusal;
        } catch (RuntimeException failure) {
            if (ConstraintViolations.causedBy(failure)) {
                LOG.log(Level.FINE, "constraint violation in " + call.getMethod(), failure);
                throw new ConcurrentWriteConflict();
            }
            throw failure;
        }
    }
}
