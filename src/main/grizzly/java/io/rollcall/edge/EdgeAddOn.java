package io.rollcall.edge;

import org.glassfish.grizzly.extras.addons.CometAddOnProvider;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Installs {@link RequestPathGuard} in every HTTP listener's filter chain, just before Grizzly's web server filter.
 *
 * <p>Payara's {@code GenericGrizzlyListener.configureCometSupport} looks up the HK2 service {@code AddOn} named
 * {@code comet} for every listener whose {@code <http>} has {@code comet-support-enabled} (Payara Micro's default
 * configuration sets it) and calls its {@code setup} with the listener's filter chain. This class is that service,
 * ranked above Payara's own ({@code META-INF/hk2-locator/default}), and keeps the comet support by delegating to it.
 * It is loaded from {@code rollcall-edge.jar}, which the build adds to Payara Micro's runtime class path
 * ({@code --addlibs}); the application's own class loader never sees it.
 */
public class EdgeAddOn extends CometAddOnProvider {

    @Override
    public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
        super.setup(networkListener, builder);
        int webServer = builder.indexOfType(HttpServerFilter.class);
        if (webServer >= 0 && builder.indexOfType(RequestPathGuard.class) < 0) {
            builder.add(webServer, new RequestPathGuard());
        }
    }
}
