package io.rollcall.application;

import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The caller's own account and its memberships ({@code GET /api/v1/me}). */
@ApplicationScoped
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final MemberRepository members;

    @Inject
    public AccountService(AccountRepository accounts, MemberRepository members) {
        this.accounts = accounts;
        this.members = members;
    }

    /** For CDI proxies only. */
    protected AccountService() {
        this(null, null);
    }

    /** An account with its memberships. */
    public record Me(Account account, List<Member> memberships) {}

    public Me me(Caller caller) {
        Account account = accounts.find(caller.accountId())
                .orElseThrow(() -> new NotFoundException("account", caller.accountId()));
        return new Me(account, members.listForAccount(account.id()));
    }
}
