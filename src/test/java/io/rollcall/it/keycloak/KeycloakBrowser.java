package io.rollcall.it.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for Keycloak's login pages: keeps cookies, follows redirects only while they stay on Keycloak,
 * fills the username/password form, and hands back what would have been sent to Rollcall (the OIDC redirect's query
 * parameters, or the SAML auto-post form's fields) instead of delivering it. One instance is one browser session.
 */
public final class KeycloakBrowser {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final URI keycloak;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /**
     * Cookies by name. Hand-kept because Keycloak marks its session cookies {@code Secure} even on plain http, and the
     * JDK's CookieManager (rightly) never sends those to an http URL; this stand-in only ever talks to Keycloak.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public KeycloakBrowser(URI keycloak) {
        this.keycloak = keycloak;
    }

    /** What the IdP would deliver to Rollcall. */
    public record Delivery(URI target, Map<String, String> parameters) {}

    /** OIDC: opens the authorization URL, logs in, returns the redirect to {@code redirect_uri} with its parameters. */
    public Delivery oidcLogin(URI authorizationUrl, String username, String password) {
        HttpResponse<String> page = followWithinKeycloak(get(authorizationUrl));
        HttpResponse<String> afterLogin = submitLogin(page, username, password);
        HttpResponse<String> last = followWithinKeycloak(afterLogin);
        URI location = location(last);
        if (location == null) {
            throw new IllegalStateException("login did not redirect back (HTTP " + last.statusCode() + ")");
        }
        return new Delivery(withoutQuery(location), query(location.getRawQuery()));
    }

    /** SAML: sends the HTTP-Redirect AuthnRequest, logs in, returns the auto-post form (SAMLResponse, RelayState). */
    public Delivery samlLogin(URI authnRequestUrl, String username, String password) {
        HttpResponse<String> page = followWithinKeycloak(get(authnRequestUrl));
        HttpResponse<String> result = followWithinKeycloak(
                page.body().contains("SAMLResponse") ? page : submitLogin(page, username, password));
        String body = result.body();
        if (!body.contains("SAMLResponse")) {
            throw new IllegalStateException("no SAML auto-post form (HTTP " + result.statusCode() + ")");
        }
        return new Delivery(URI.create(unescape(attribute(ACTION, firstForm(body)))), inputs(body));
    }

    private HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) {
        String body = page.body();
        Matcher forms = FORM.matcher(body);
        String loginForm = null;
        while (forms.find()) {
            if (forms.group().contains("kc-form-login")) {
                loginForm = forms.group();
            }
        }
        if (loginForm == null) {
            throw new IllegalStateException("no Keycloak login form (HTTP " + page.statusCode() + ")");
        }
        URI action = page.uri().resolve(unescape(attribute(ACTION, loginForm)));
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> followWithinKeycloak(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            URI location = location(current);
            if (location == null || !sameOrigin(location)) {
                return current;
            }
            current = get(location);
        }
        throw new IllegalStateException("too many redirects");
    }

    private URI location(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            return null;
        }
        return response.headers()
                .firstValue("Location")
                .map(l -> response.uri().resolve(l))
                .orElse(null);
    }

    private boolean sameOrigin(URI uri) {
        return keycloak.getHost().equals(uri.getHost()) && keycloak.getPort() == uri.getPort();
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> send(HttpRequest original) {
        HttpRequest request = original;
        if (!cookies.isEmpty()) {
            String header = cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            request = HttpRequest.newBuilder(original, (name, value) -> true)
                    .header("Cookie", header)
                    .build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    boolean expired =
                            setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                    if (expired || value.isEmpty()) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstForm(String body) {
        Matcher m = FORM.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no form");
        }
        return m.group();
    }

    private static Map<String, String> inputs(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(body);
        while (m.find()) {
            String name = attributeOrNull(NAME, m.group());
            if (name != null) {
                String value = attributeOrNull(VALUE, m.group());
                fields.put(name, value == null ? "" : unescape(value));
            }
        }
        return fields;
    }

    private static String attribute(Pattern pattern, String tag) {
        String value = attributeOrNull(pattern, tag);
        if (value == null) {
            throw new IllegalStateException("attribute missing in " + tag);
        }
        return value;
    }

    private static String attributeOrNull(Pattern pattern, String tag) {
        Matcher m = pattern.matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#x3d;", "=")
                .replace("&#61;", "=")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'");
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
