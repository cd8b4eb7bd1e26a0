package io.rollcall.launcher;

import java.lang.reflect.Method;

/**
 * Entry point of {@code rollcall.jar}: maps Rollcall's own settings onto Payara Micro's boot properties, then hands
 * over to Payara Micro's uber-jar main. Payara Micro reads its HTTP port only from {@code payaramicro.port}; operators
 * configure {@code ROLLCALL_PORT}, so this class translates one into the other before Payara boots.
 */
public final class RollcallLauncher {

    static final String PAYARA_UBER_JAR_MAIN = "fish.payara.micro.boot.PayaraMicroLauncher";

    private RollcallLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String port = firstNonBlank(System.getProperty("rollcall.port"), System.getenv("ROLLCALL_PORT"));
        if (port != null && System.getProperty("payaramicro.port") == null) {
            System.setProperty("payaramicro.port", validPort(port));
        }
        // The launcher ships no SLF4J or Payara logging config of its own; it only prepares Payara's boot.
        Method main = Class.forName(PAYARA_UBER_JAR_MAIN).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }

    static String validPort(String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
            return Integer.toString(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ROLLCALL_PORT must be a TCP port number (1-65535), got: " + raw);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
