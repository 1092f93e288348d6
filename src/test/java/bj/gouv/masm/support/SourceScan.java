package bj.gouv.masm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grep-style checks over the project's own sources, for the "one rule, one place" tests: which files of a
 * folder contain a pattern (paths relative to the project, with forward slashes).
 */
public final class SourceScan {

    private SourceScan() {
    }

    /** The files under {@code root} (e.g. {@code src/main/java}) whose text matches {@code pattern}. */
    public static TreeSet<String> filesMatching(String root, Pattern pattern) {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!(name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".bpmn")
                        || name.endsWith(".dmn") || name.endsWith(".sql") || name.endsWith(".json"))) {
                    continue;
                }
                if (pattern.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    found.add(file.toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static TreeSet<String> filesMatching(List<String> roots, Pattern pattern) {
        TreeSet<String> found = new TreeSet<>();
        roots.forEach(root -> found.addAll(filesMatching(root, pattern)));
        return found;
    }
}
