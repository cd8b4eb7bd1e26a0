package io.rollcall.sso;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The SSO endpoints take only HTML form posts (the SAML POST binding, SAML 2.0 Bindings section 3.5). A POST without
 * {@code Content-Type} would otherwise reach Jersey's form-parameter extraction, which fails with a server error;
 * here it is a 415 with the SSO error page instead.
 */
@Provider
@PreMatching
public class FormPosts implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.POST.equals(request.getMethod()) && request.getMediaType() == null) {
            request.abortWith(SsoErrorPages.page(
                    request.getAcceptableMediaTypes(),
                    415,
                    "unsupported-media-type",
                    "the request must be a form post" + " (Content-Type: " + MediaType.APPLICATION_FORM_URLENCODED
                            + ")"));
        }
    }
}
