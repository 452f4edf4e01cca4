package devmin.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;

import java.time.Duration;
import java.util.List;

/**
 * The fail-closed verdict of a live phase: it passes only when every check passed. Exit codes: 0 pass, 1 something
 * was found, 2 something could not be verified (and nothing definite was found).
 *
 * @param schema     versioned schema id, e.g. {@code devmin.teardown-proof/v1}
 * @param checks     every check, in a stable order
 * @param context    phase-specific fields (stack, account, regions, ...)
 * @param provenance tool version, commit, stack, image, start and end
 */
public record Verdict(String schema, List<CheckResult> checks, ObjectNode context, Provenance provenance) {

    public Verdict {
        checks = List.copyOf(checks);
        context = context.deepCopy();
    }

    /** This verdict with one more check and more context (e.g. that publishing it failed). */
    public Verdict with(CheckResult check, ObjectNode moreContext) {
        List<CheckResult> all = new java.util.ArrayList<>(checks);
        all.add(check);
        ObjectNode merged = context.deepCopy();
        merged.setAll(moreContext.deepCopy());
        return new Verdict(schema, all, merged, provenance);
    }

    /** This verdict with more context. */
    public Verdict with(ObjectNode moreContext) {
        ObjectNode merged = context.deepCopy();
        merged.setAll(moreContext.deepCopy());
        return new Verdict(schema, checks, merged, provenance);
    }

    public boolean overallPass() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == CheckStatus.PASS);
    }

    public List<String> blockers() {
        return checks.stream().filter(c -> c.status() != CheckStatus.PASS)
                .map(c -> (c.status() == CheckStatus.UNVERIFIED ? "UNVERIFIED " : "") + c.name() + " [" + c.region()
                        + "]: " + c.message())
                .toList();
    }

    /**
     * What the phase recorded as worth knowing but not failing on, from the context's {@code warnings} (objects with
     * {@code name}, {@code source} and {@code reason}), e.g. a forecast AWS does not have yet.
     */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>();
        context.path("warnings").forEach(w -> warnings.add(w.path("name").asText() + " [" + w.path("source").asText()
                + "]: " + w.path("reason").asText()));
        return warnings;
    }

    public int exitCode() {
        if (checks.stream().anyMatch(c -> c.status() == CheckStatus.BLOCKER)) {
            return 1;
        }
        return overallPass() ? 0 : 2;
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", schema);
        root.put("overall_pass", overallPass());
        ArrayNode blockers = root.putArray("blockers");
        blockers().forEach(blockers::add);
        root.setAll(context);
        root.put("started_at", provenance.startedAt().toString());
        root.put("finished_at", provenance.finishedAt().toString());
        root.put("duration_ms", Duration.between(provenance.startedAt(), provenance.finishedAt()).toMillis());
        root.put("api_calls", checks.stream().mapToInt(c -> c.apiCalls().size()).sum());
        ArrayNode list = root.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("region", c.region());
            node.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            node.put("message", c.message());
            node.put("duration_ms", c.millis());
            ArrayNode calls = node.putArray("api_calls");
            c.apiCalls().forEach(calls::add);
            ArrayNode found = node.putArray("found");
            c.found().forEach(found::add);
        }
        root.set("provenance", provenance.toJson());
        return root;
    }

    public String toMarkdown(String title) {
        StringBuilder md = new StringBuilder("## ").append(title).append(": ")
                .append(overallPass() ? "PASS" : exitCode() == 1 ? "FAIL" : "UNVERIFIED").append("\n\n");
        blockers().forEach(b -> md.append("- :x: ").append(b.replace("|", "\\|")).append('\n'));
        warnings().forEach(w -> md.append("- :warning: ").append(w.replace("|", "\\|")).append('\n'));
        md.append("\n| check | region | status | API calls | found |\n|---|---|---|---:|---|\n");
        for (CheckResult c : checks) {
            md.append("| ").append(c.name()).append(" | ").append(c.region()).append(" | ")
                    .append(c.status().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(c.apiCalls().size()).append(" | ")
                    .append(String.join(", ", c.found()).replace("|", "\\|")).append(" |\n");
        }
        md.append("\n<sub>devmin ").append(provenance.toolVersion()).append(", commit ").append(provenance.gitCommit())
                .append(", stack ").append(provenance.stack()).append(", ").append(provenance.startedAt())
                .append("</sub>\n");
        return md.toString();
    }
}
