package io.rollcall.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer},
 * {@code X-Frame-Options: DENY}, and a strict {@code Content-Security-Policy} (scripts, styles and connections only
 * from Rollcall itself, no inline script, {@code frame-ancestors 'none'}). The console's pages live under {@code /}
 * and are static, so one policy fits all of them; the server-rendered pages under {@code /sso/}, {@code /invite/}
 * and {@code /login} set their own policy (no script at all) and are left to it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The console's policy (CSP Level 3). {@code img-src data:} is for the inline SVG icons of the stylesheet. */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none';"
            + " frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ownPolicy(path)) {
            // Their forms post to Rollcall itself and are checked by Origin: under no-referrer a browser sends
            // "Origin: null" with a form POST (Fetch §3.1), which that check must refuse. same-origin still keeps
            // the one-time tokens in these URLs from every other site.
            response.setHeader("Referrer-Policy", "same-origin");
        } else {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", POLICY);
        }
        chain.doFilter(request, response);
    }

    private static boolean ownPolicy(String path) {
        return path.startsWith("/sso/")
                || path.startsWith("/invite/")
                || path.equals("/login")
                || path.startsWith("/login/");
    }
}
