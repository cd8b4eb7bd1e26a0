package io.rollcall.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Records the route template a JAX-RS request matched, e.g. {@code /api/v1/workspaces/{ws}/members/{id}}, as the
 * servlet request attribute {@value #ATTRIBUTE}, for the access log and the HTTP metrics ({@code app.RequestObserver})
 * that run outside JAX-RS. A response filter, so it also runs when an authentication filter aborted the request or an
 * exception was mapped; a request that matched no resource method records nothing.
 *
 * <p>The template is the servlet path of the JAX-RS application plus the class and method {@link Path}s, with regular
 * expressions dropped ({@code {id: .+}} becomes {@code {id}}): the path's shape, never its ids.
 */
public class MatchedRoute implements ContainerResponseFilter {

    /** Name of the request attribute holding the template. */
    public static final String ATTRIBUTE = "io.rollcall.route";

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null || request == null) {
            return;
        }
        request.setAttribute(
                ATTRIBUTE,
                template(request.getServletPath(), type.getAnnotation(Path.class), method.getAnnotation(Path.class)));
    }

    /**
     * {@code providers} plus this filter: every JAX-RS application of the bundle registers it through here, so that
     * each request's route template reaches the access log and the HTTP metrics.
     *
     * @param providers the resources and providers of one JAX-RS application
     * @return an unmodifiable set holding {@code providers} and {@code MatchedRoute}
     */
    public static java.util.Set<Class<?>> alongside(java.util.Set<Class<?>> providers) {
        java.util.Set<Class<?>> all = new java.util.HashSet<>(providers);
        all.add(MatchedRoute.class);
        return java.util.Set.copyOf(all);
    }

    /** Joins the parts into one template: leading slash, no doubled or trailing slash, no regular expressions. */
    static String template(String applicationPath, Path classPath, Path methodPath) {
        StringBuilder joined = new StringBuilder();
        for (String part : new String[] {
            applicationPath,
            classPath == null ? null : classPath.value(),
            methodPath == null ? null : methodPath.value()
        }) {
            if (part != null && !part.isEmpty()) {
                joined.append('/').append(part);
            }
        }
        String template = joined.toString()
                .replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/{2,}", "/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return template.isEmpty() ? "/" : template;
    }
}
