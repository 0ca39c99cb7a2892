package dev.gantry.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test images made from this host's own files (images cannot be pulled here): (a) Python 3.11 with boto3, from
 * pyenv's 3.11.7; (b) the JDK with the AWS SDK for Java v2 jars this test run uses. Each is the listed files at
 * their host paths, the shared libraries {@code ldd} says they need, CA certificates and {@code /tmp}, in one
 * layer ({@code tar | docker import}). Tagged by a hash of the file list (paths, sizes, mtimes), so an image is
 * built once per host and content: the first build takes about a minute (about 150 MB for Python, 350 MB for the
 * JDK), later runs only hash the list.
 */
final class HostImages {
    static final Path PYTHON_PREFIX = Path.of("/root/.pyenv/versions/3.11.7");
    static final Path PYTHON = PYTHON_PREFIX.resolve("bin/python3.11");
    static final Path JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final Path JAVA = JDK.resolve("bin/java");
    /** Where the SDK jars are in the Java image: {@code java -cp '/sdk/*' Main.java}. */
    static final String SDK_DIR = "/sdk";

    private static final Set<String> STDLIB_SKIPPED =
            Set.of("test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "site-packages");
    private static final List<String> SITE_PACKAGES =
            List.of("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six.py");
    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+\\.so[^\\s]*)");

    private HostImages() {}

    /** Whether this host has what {@link #python()} needs. */
    static boolean pythonAvailable() {
        return Files.isExecutable(PYTHON)
                && Files.isDirectory(PYTHON_PREFIX.resolve("lib/python3.11/site-packages/boto3"));
    }

    /** The Python image's tag, built if missing. Run {@link #PYTHON} with {@code -c script}. */
    static String python() {
        Path lib = PYTHON_PREFIX.resolve("lib/python3.11");
        List<Path> files = new ArrayList<>();
        files.add(PYTHON);
        files.add(PYTHON_PREFIX.resolve("lib/libpython3.11.so.1.0"));
        files.addAll(walk(lib, p -> {
            Path rel = lib.relativize(p);
            String top = rel.getName(0).toString();
            return !STDLIB_SKIPPED.contains(top) && !top.startsWith("config-");
        }));
        for (String pkg : SITE_PACKAGES) {
            Path p = lib.resolve("site-packages").resolve(pkg);
            files.addAll(Files.isDirectory(p) ? walk(p, x -> true) : List.of(p));
        }
        List<Path> elves = new ArrayList<>(List.of(PYTHON));
        elves.addAll(files.stream().filter(p -> p.toString().endsWith(".so")).toList());
        return build("gantry-it/python-boto3", files, elves);
    }

    /** Whether this host has what {@link #java(List)} needs. */
    static boolean javaAvailable() {
        return Files.isExecutable(JAVA);
    }

    /**
     * The JDK image's tag, built if missing: the JDK and {@code sdkFiles} (the SDK jars from the test's own class
     * path and the program's source, copied flat into {@link #SDK_DIR}). Run {@link #JAVA} with
     * {@code -cp /sdk/* /sdk/Main.java}.
     */
    static String java(List<Path> sdkFiles) {
        List<Path> files = new ArrayList<>(walk(JDK, p -> {
            String top = JDK.relativize(p).getName(0).toString();
            return !top.equals("jmods")
                    && !top.equals("man")
                    && !top.equals("include")
                    && !top.equals("legal")
                    && !p.getFileName().toString().equals("src.zip");
        }));
        List<Path> elves = new ArrayList<>(List.of(JAVA));
        elves.addAll(files.stream().filter(p -> p.toString().endsWith(".so")).toList());
        return build("gantry-it/java-sdk", files, elves, sdkFiles);
    }

    /** The AWS SDK for Java v2 jars (and what they need) on this JVM's class path. */
    static List<Path> sdkJarsOnClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().endsWith(".jar"))
                .filter(p -> {
                    String s = p.toString();
                    return s.contains("/software/amazon/")
                            || s.contains("/org/reactivestreams/")
                            || s.contains("/org/slf4j/slf4j-api/")
                            || s.contains("/org/apache/httpcomponents/httpc")
                            || s.contains("/commons-logging/")
                            || s.contains("/commons-codec/");
                })
                .toList();
    }

    private static String build(String name, List<Path> files, List<Path> elves) {
        return build(name, files, elves, List.of());
    }

    private static String build(String name, List<Path> files, List<Path> elves, List<Path> flatIntoSdk) {
        Set<String> all = new TreeSet<>();
        files.forEach(p -> all.add(p.toString()));
        all.addAll(sharedLibraries(elves));
        Path certs = Path.of("/etc/ssl/certs/ca-certificates.crt");
        if (Files.exists(certs)) {
            all.add(certs.toString());
        }
        String tag = name + ":" + hash(all, flatIntoSdk);
        if (imageExists(tag)) {
            return tag;
        }
        try {
            Path dir = Files.createTempDirectory("gantry-image-");
            Path list = dir.resolve("files");
            Files.write(list, all);
            Path sdk = dir.resolve("sdk");
            Files.createDirectories(sdk);
            for (Path jar : flatIntoSdk) {
                Files.copy(jar, sdk.resolve(jar.getFileName()));
            }
            Files.createDirectories(dir.resolve("tmp"));
            // one archive: the host files at their paths (links followed), then /sdk and an empty /tmp
            String script = "set -e; { tar -c -h --hard-dereference -P --no-recursion -T " + list + " -f "
                    + dir.resolve("a.tar")
                    + " --transform 's,^/,,'; tar -r -f " + dir.resolve("a.tar") + " -C " + dir
                    + " sdk tmp; } && docker import " + dir.resolve("a.tar") + " " + tag;
            run(List.of("sh", "-c", script));
            run(List.of("rm", "-rf", dir.toString()));
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shared library the given ELF files load, as {@code ldd} resolves them, the loader included. */
    private static Set<String> sharedLibraries(List<Path> elves) {
        Set<String> libs = new TreeSet<>();
        for (int i = 0; i < elves.size(); i += 200) {
            List<String> cmd = new ArrayList<>(List.of("ldd"));
            elves.subList(i, Math.min(elves.size(), i + 200)).forEach(p -> cmd.add(p.toString()));
            String out = run(cmd, true);
            for (String line : out.split("\n")) {
                if (line.contains("not found") || line.strip().endsWith(":")) {
                    continue;
                }
                Matcher m = LDD_PATH.matcher(line.contains("=>") ? line.substring(line.indexOf("=>")) : line);
                if (m.find()) {
                    libs.add(Path.of(m.group(1)).normalize().toString());
                }
            }
        }
        return libs;
    }

    private static String hash(Set<String> paths, List<Path> extra) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : paths) {
                add(d, Path.of(p));
            }
            for (Path p : extra) { // by name and content: a test may write them anew each run
                d.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                d.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(d.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(MessageDigest d, Path p) {
        try {
            String entry =
                    p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + "\n";
            d.update(entry.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> walk(Path root, Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(keep)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean imageExists(String tag) {
        try {
            Process p = new ProcessBuilder("docker", "image", "inspect", tag)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String run(List<String> command) {
        return run(command, false);
    }

    private static String run(List<String> command, boolean tolerateFailure) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (p.exitValue() != 0 && !tolerateFailure) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + command + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
