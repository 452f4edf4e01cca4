package devmin.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stacks a backend holds for the project, as {@code pulumi stack ls --json} prints them: a JSON array of
 * {@code {name, current, lastUpdate, resourceCount, …}}. A stack is named {@code dev-min} on a local backend and may be
 * qualified ({@code org/dev-min}, {@code org/project/dev-min}) on others.
 */
public record StackList(List<String> names) {

    public StackList {
        names = List.copyOf(names);
    }

    public static StackList parse(String text, String source) throws HistoryFormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new HistoryFormatException(source + ": not valid JSON; expected the output of 'pulumi stack ls"
                    + " --json'");
        }
        if (root == null || !root.isArray()) {
            throw new HistoryFormatException(source + ": expected the output of 'pulumi stack ls --json' (a JSON"
                    + " array of stacks)");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode name = root.get(i).path("name");
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new HistoryFormatException(source + "[" + i + "].name: got " + name + ", expected a stack name");
            }
            names.add(name.asText());
        }
        return new StackList(names);
    }

    /** Whether the backend holds the stack, by its short or qualified name. */
    public boolean holds(String stack) {
        return names.stream().anyMatch(name -> name.equals(stack) || name.endsWith("/" + stack)
                || stack.endsWith("/" + name));
    }
}
