package io.rollcall.application.sso;

import io.rollcall.config.SsoSettings;
import io.rollcall.security.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The {@link SecretBox} under the ROLLCALL_SECRET_KEY key ring, when that setting is configured. */
@ApplicationScoped
public class SecretVault {

    private final Optional<SecretBox> box;

    @Inject
    public SecretVault(SsoSettings settings) {
        this.box = settings.secretKey().map(SecretBox::new);
    }

    /** For CDI proxies only. */
    protected SecretVault() {
        this.box = Optional.empty();
    }

    public Optional<SecretBox> box() {
        return box;
    }
}
