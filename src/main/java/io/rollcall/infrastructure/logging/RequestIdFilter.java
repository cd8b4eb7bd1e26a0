package io.rollcall.infrastructure.logging;

import io.rollcall.application.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every HTTP request an id before anything else runs, and clears it afterwards. An {@code ASYNC} dispatch (a
 * body read ahead by {@code RequestBodyDeadline}) keeps the id already sent in the response header.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean began = RequestIds.beginIfAbsent(
                request.getDispatcherType() == DispatcherType.ASYNC
                        ? response.getHeader(RequestIds.HEADER)
                        : request.getHeader(RequestIds.HEADER));
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
