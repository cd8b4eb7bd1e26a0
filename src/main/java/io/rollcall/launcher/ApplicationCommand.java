package io.rollcall.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Runs one of the application's own commands (such as {@code reencrypt-secrets}) without booting Payara Micro. The
 * application's classes and libraries sit inside the bundle as a WAR ({@value #WAR}) and H2 as one of Payara's runtime
 * jars ({@value #H2}); nested jars cannot be put on a class path, so they are copied to a temporary directory, loaded
 * from there and deleted afterwards. The command class must have {@code public static int run(String[] args)}
 * answering the exit status.
 */
final class ApplicationCommand {

    static final String WAR = "MICRO-INF/deploy/ROOT.war";
    static final String H2 = "MICRO-INF/runtime/h2.jar";

    private ApplicationCommand() {}

    /** Runs {@code commandClass.run(args)} from the bundle this class was loaded from; answers its exit status. */
    static int run(String commandClass, String[] args) throws IOException, ReflectiveOperationException {
        Path bundle = bundle();
        Path work = Files.createTempDirectory("rollcall-command");
        try {
            List<URL> classPath = extract(bundle, work);
            try (URLClassLoader loader =
                    new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Thread.currentThread().setContextClassLoader(loader);
                try {
                    return (int) loader.loadClass(commandClass)
                            .getMethod("run", String[].class)
                            .invoke(null, (Object) args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw e;
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path bundle() throws IOException {
        try {
            return Path.of(ApplicationCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate rollcall.jar", e);
        }
    }

    private static List<URL> extract(Path bundle, Path work) throws IOException {
        Path classes = work.resolve("classes");
        Path lib = work.resolve("lib");
        Files.createDirectories(classes); // before toUri(): only an existing directory's URI ends in '/'
        Files.createDirectories(lib);
        List<URL> classPath = new ArrayList<>();
        classPath.add(classes.toUri().toURL());
        try (ZipFile jar = new ZipFile(bundle.toFile())) {
            ZipEntry war = jar.getEntry(WAR);
            ZipEntry h2 = jar.getEntry(H2);
            if (war == null || h2 == null) {
                throw new IOException(bundle + " is not a Rollcall bundle (no " + WAR + " or " + H2 + ")");
            }
            Path h2Jar = lib.resolve("h2.jar");
            try (InputStream in = jar.getInputStream(h2)) {
                Files.copy(in, h2Jar, StandardCopyOption.REPLACE_EXISTING);
            }
            classPath.add(h2Jar.toUri().toURL());
            try (ZipInputStream in = new ZipInputStream(jar.getInputStream(war))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path target = target(entry, classes, lib);
                    if (target == null || entry.isDirectory()) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.startsWith(lib)) {
                        classPath.add(target.toUri().toURL());
                    }
                }
            }
        }
        return classPath;
    }

    /** Where a WAR entry goes: WEB-INF/classes/** and WEB-INF/lib/*.jar only, never outside {@code work}. */
    private static Path target(ZipEntry entry, Path classes, Path lib) {
        String name = entry.getName();
        Path target;
        if (name.startsWith("WEB-INF/classes/")) {
            target =
                    classes.resolve(name.substring("WEB-INF/classes/".length())).normalize();
            return target.startsWith(classes) ? target : null;
        }
        if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar") && name.indexOf('/', 12) < 0) {
            target = lib.resolve(name.substring("WEB-INF/lib/".length())).normalize();
            return target.startsWith(lib) ? target : null;
        }
        return null;
    }
}
