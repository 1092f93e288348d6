package bj.gouv.masm.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.jar.JarFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code simulate} in a child JVM, as {@code java -jar app.jar simulate ...} does: the engine's clock
 * is process-wide, so a simulation never shares the JVM (nor the cached Spring context) of the tests.
 */
final class SimulationRun {

    private SimulationRun() {
    }

    static Process start(Path out, String... options) throws IOException {
        String classPath = applicationClassPath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Duser.timezone=" + bj.gouv.masm.shared.MasmTimeZone.zone().getId(),
                "-cp", classPath, "bj.gouv.masm.MasmApplication", "simulate", "--out=" + out));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
    }

    /**
     * The test JVM's class path without the test classes: component scanning would otherwise pick up the
     * tests' configuration (embedded PostgreSQL) in the simulation's context.
     */
    static String applicationClassPath() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(List.of(classPath.split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            // surefire's manifest-only booter jar: the real entries are in its Class-Path
            try (JarFile jar = new JarFile(entries.get(0))) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                entries = new ArrayList<>();
                for (String url : manifest.trim().split("\\s+")) {
                    entries.add(Path.of(URI.create(url)).toString());
                }
            }
        }
        entries.removeIf(entry -> entry.replace('\\', '/').endsWith("test-classes")
                || entry.replace('\\', '/').endsWith("test-classes/"));
        return String.join(File.pathSeparator, entries);
    }

    static JsonNode await(Process process, Path out) throws Exception {
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("simulation still running after 15 minutes");
        }
        File log = out.resolveSibling(out.getFileName() + ".log").toFile();
        if (process.exitValue() != 0) {
            throw new AssertionError("simulate exited with " + process.exitValue() + ":\n" + tail(log.toPath()));
        }
        return new ObjectMapper().readTree(out.resolve("simulation.json").toFile());
    }

    static JsonNode run(Path out, String... options) throws Exception {
        return await(start(out, options), out);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
