package devmin.engine;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where each config key and value sits in a stack file: {@code devmin:lanes[5].ingressPort} maps to
 * {@code Pulumi.dev-min.yaml:88}. Read from snakeyaml's node tree (the same parser whose marks give a syntax error its
 * {@code file:line:column}); a mapping entry is at its key's line, a list element at the line it starts on.
 */
final class YamlPositions {

    private YamlPositions() {
    }

    /**
     * @param qualify turns a top-level key of {@code config:} into its full key ({@code lanes} to {@code devmin:lanes})
     * @return path to {@code file:line}; empty when the file cannot be composed (the caller has already parsed it, so
     *         that happens only when it changed in between)
     */
    static Map<String, String> of(Path file, UnaryOperator<String> qualify) {
        Map<String, String> positions = new HashMap<>();
        String shown = file.normalize().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (!(root instanceof MappingNode top)) {
                return Map.of();
            }
            for (NodeTuple entry : top.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals("config")
                        && entry.getValueNode() instanceof MappingNode config) {
                    for (NodeTuple item : config.getValue()) {
                        if (item.getKeyNode() instanceof ScalarNode configKey) {
                            String path = qualify.apply(configKey.getValue());
                            positions.put(path, shown + ":" + line(configKey));
                            walk(item.getValueNode(), path, shown, positions);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // positions are a courtesy: without them errors still name the key
        }
        return positions;
    }

    private static void walk(Node node, String path, String file, Map<String, String> positions) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    String child = path + "." + key.getValue();
                    positions.put(child, file + ":" + line(key));
                    walk(entry.getValueNode(), child, file, positions);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node element = sequence.getValue().get(i);
                String child = path + "[" + i + "]";
                positions.put(child, file + ":" + line(element));
                walk(element, child, file, positions);
            }
        }
    }

    /** snakeyaml counts lines from 0; editors and compilers from 1. */
    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
