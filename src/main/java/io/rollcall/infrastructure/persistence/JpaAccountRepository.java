package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public Optional<Account> findByEmail(String normalisedEmail) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", normalisedEmail)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
        // Written at once: rows that reference it may follow in the same transaction, and EclipseLink orders
        // inserts by mapped relationships only, not by foreign keys.
        em.flush();
    }
}
