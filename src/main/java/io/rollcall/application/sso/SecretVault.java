package io.rollcall.application.sso;

import io.rollcall.config.SsoSettings;
import io.rollcall.security.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;

/** The {@link SecretBox} under ROLLCALL_SECRET_KEY, when that key is configured. */
@ApplicationScoped
public class SecretVault {

    private final Optional<SecretBox> box;

    @Inject
    public SecretVault(SsoSettings settings) {
        this.box = settings.secretKey().map(key -> new SecretBox(key, new SecureRandom()));
    }

    /** For CDI proxies only. */
    protected SecretVault() {
        this.box = Optional.empty();
    }

    public Optional<SecretBox> box() {
        return box;
    }
}
