package bj.gouv.masm.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
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
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Africa/Porto-Novo",
                "-cp", classPath, "bj.gouv.masm.MasmApplication", "simulate", "--out=" + out));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
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
