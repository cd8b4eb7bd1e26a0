package io.rollcall.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Serves the OpenAPI document at {@code /openapi} as {@code application/yaml} (RFC 9512) instead of the
 * {@code text/plain} that Payara's endpoint declares; {@code ?format=json} (or {@code Accept: application/json})
 * still gives {@code application/json}. Payara registers that endpoint inside this web application's context, so a
 * filter here sees its responses.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml;charset=UTF-8";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                super.setContentType(yamlForPlainText(type));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "content-type".equalsIgnoreCase(name) ? yamlForPlainText(value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "content-type".equalsIgnoreCase(name) ? yamlForPlainText(value) : value);
            }
        });
    }

    static String yamlForPlainText(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain") ? YAML : type;
    }
}
