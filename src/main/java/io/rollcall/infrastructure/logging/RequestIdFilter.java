package io.rollcall.infrastructure.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Gives every HTTP request an id before anything else runs, and clears it afterwards. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean began = RequestIds.beginIfAbsent(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, RequestIds.current());
        try {
            chain.doFilter(request, response);
        } finally {
            if (began) {
                RequestIds.end();
            }
        }
    }
}
