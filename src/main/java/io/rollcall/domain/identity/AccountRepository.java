package io.rollcall.domain.identity;

import java.util.Optional;

/** Storage of accounts, keyed by id and by normalised email. */
public interface AccountRepository {

    Optional<Account> find(String id);

    Optional<Account> findByEmail(String normalisedEmail);

    void add(Account account);
}
