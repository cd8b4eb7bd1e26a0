package io.rollcall.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Typed view of Rollcall's settings (ARCHITECTURE.md section 3). Every value comes from MicroProfile Config, so the
 * documented environment variables ({@code ROLLCALL_PUBLIC_URL}, ...) and the matching system properties
 * ({@code rollcall.public.url}, ...) both work. There are no secret defaults.
 */
@ApplicationScoped
public class RollcallConfig {

    private final URI publicUrl;
    private final Optional<String> bootstrapOwnerEmail;
    private final String bootstrapWorkspace;
    private final Optional<String> bootstrapToken;

    @Inject
    public RollcallConfig(
            @ConfigProperty(name = "rollcall.public.url", defaultValue = "http://localhost:8080") String publicUrl,
            @ConfigProperty(name = "rollcall.bootstrap.owner.email") Optional<String> bootstrapOwnerEmail,
            @ConfigProperty(name = "rollcall.bootstrap.workspace", defaultValue = "default") String bootstrapWorkspace,
            @ConfigProperty(name = "rollcall.bootstrap.token") Optional<String> bootstrapToken) {
        this.publicUrl = parsePublicUrl(publicUrl);
        this.bootstrapOwnerEmail = bootstrapOwnerEmail.map(String::trim).filter(s -> !s.isEmpty());
        this.bootstrapWorkspace = bootstrapWorkspace.trim();
        this.bootstrapToken = bootstrapToken.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** For CDI proxies only. */
    protected RollcallConfig() {
        this.publicUrl = null;
        this.bootstrapOwnerEmail = Optional.empty();
        this.bootstrapWorkspace = null;
        this.bootstrapToken = Optional.empty();
    }

    static URI parsePublicUrl(String raw) {
        String trimmed = raw.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ROLLCALL_PUBLIC_URL is not a valid URL: " + raw, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException("ROLLCALL_PUBLIC_URL must be an absolute http(s) URL, got: " + raw);
        }
        return uri;
    }

    /** Base URL without a trailing slash, e.g. {@code https://rollcall.example.com}. */
    public URI publicUrl() {
        return publicUrl;
    }

    public Optional<String> bootstrapOwnerEmail() {
        return bootstrapOwnerEmail;
    }

    public String bootstrapWorkspace() {
        return bootstrapWorkspace;
    }

    public Optional<String> bootstrapToken() {
        return bootstrapToken;
    }
}
