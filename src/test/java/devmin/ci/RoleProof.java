package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.policy.iam.IamStatement;
import devmin.testing.IamSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's policies judged by the independent simulator against the requests its jobs make: which are not allowed,
 * and which grants no request needs. A grant is one action of one Allow statement; it is needed when taking it away
 * (and nothing else) denies some request a job makes. Every run is one process of the simulator, whatever the number
 * of policy variants.
 */
final class RoleProof {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One action of one Allow statement of one of the role's documents. */
    record Grant(int document, int statement, String sid, String action) {

        String describe() {
            return action + " (statement " + (sid.isEmpty() ? "#" + statement : sid) + ")";
        }
    }

    /** What the simulator said of each request under the role's declared policies, and of each grant. */
    record Outcome(Map<Requirement, IamSimulator.Result> declared, Map<Grant, List<Requirement>> deniedWithout,
                   String sarVersion) {

        List<String> notAllowed() {
            List<String> out = new ArrayList<>();
            declared.forEach((r, result) -> {
                if (!result.allowed()) {
                    out.add(r.describe() + " — " + result.explain());
                }
            });
            return out;
        }

        List<Grant> unused() {
            return deniedWithout.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .toList();
        }
    }

    private RoleProof() {
    }

    /** Judges every request under the role's documents, and every grant by taking it away. */
    static Outcome prove(String principal, String account, List<String> documents, List<String> boundary,
                         List<Requirement> requests) {
        Map<String, IamSimulator.Policies> policies = new LinkedHashMap<>();
        policies.put("declared", new IamSimulator.Policies(documents, boundary));
        List<IamSimulator.Request> simulated = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            simulated.add(request("declared-" + i, "declared", principal, account, requests.get(i)));
        }
        List<Grant> grants = grants(documents);
        for (int g = 0; g < grants.size(); g++) {
            Grant grant = grants.get(g);
            policies.put("without-" + g, new IamSimulator.Policies(without(documents, grant), boundary));
            for (int i = 0; i < requests.size(); i++) {
                if (IamStatement.wildcardMatch(grant.action(), requests.get(i).action(), true)) {
                    simulated.add(request("without-" + g + "-" + i, "without-" + g, principal, account,
                            requests.get(i)));
                }
            }
        }
        IamSimulator.Verdicts verdicts = IamSimulator.judge(policies, simulated);
        Map<Requirement, IamSimulator.Result> declared = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            declared.put(requests.get(i), verdicts.of("declared-" + i));
        }
        Map<Grant, List<Requirement>> deniedWithout = new LinkedHashMap<>();
        for (int g = 0; g < grants.size(); g++) {
            List<Requirement> denied = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                IamSimulator.Result result = verdicts.byId().get("without-" + g + "-" + i);
                if (result != null && declared.get(requests.get(i)).allowed() && !result.allowed()) {
                    denied.add(requests.get(i));
                }
            }
            deniedWithout.put(grants.get(g), denied);
        }
        return new Outcome(declared, deniedWithout, verdicts.sarVersion());
    }

    /** Judges requests under the documents alone (no variants): for negative cases. */
    static Map<Requirement, IamSimulator.Result> judge(String principal, String account, List<String> documents,
                                                       List<String> boundary, List<Requirement> requests) {
        List<IamSimulator.Request> simulated = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            simulated.add(request("r-" + i, "declared", principal, account, requests.get(i)));
        }
        IamSimulator.Verdicts verdicts = IamSimulator.judge(
                Map.of("declared", new IamSimulator.Policies(documents, boundary)), simulated);
        Map<Requirement, IamSimulator.Result> out = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            out.put(requests.get(i), verdicts.of("r-" + i));
        }
        return out;
    }

    private static IamSimulator.Request request(String id, String policy, String principal, String account,
                                                Requirement r) {
        return new IamSimulator.Request(id, policy, principal, account, r.action(), r.targets(), r.keys());
    }

    /** Every action of every Allow statement; an Allow with NotAction is refused (it grants what no job names). */
    static List<Grant> grants(List<String> documents) {
        List<Grant> grants = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            JsonNode statements = tree(documents.get(d)).path("Statement");
            for (int s = 0; s < statements.size(); s++) {
                JsonNode statement = statements.get(s);
                if (!statement.path("Effect").asText().equals("Allow")) {
                    continue;
                }
                if (statement.has("NotAction")) {
                    throw new AssertionError("an Allow with NotAction grants what no job names: " + statement);
                }
                for (String action : texts(statement.path("Action"))) {
                    grants.add(new Grant(d, s, statement.path("Sid").asText(""), action));
                }
            }
        }
        return grants;
    }

    /** The documents with one grant taken away (a statement left with no action is dropped). */
    static List<String> without(List<String> documents, Grant grant) {
        List<String> out = new ArrayList<>(documents);
        ObjectNode document = (ObjectNode) tree(documents.get(grant.document()));
        ArrayNode statements = (ArrayNode) document.path("Statement");
        ObjectNode statement = (ObjectNode) statements.get(grant.statement());
        List<String> left = new ArrayList<>(texts(statement.path("Action")));
        left.remove(grant.action());
        if (left.isEmpty()) {
            statements.remove(grant.statement());
        } else {
            ArrayNode actions = statement.putArray("Action");
            left.forEach(actions::add);
        }
        out.set(grant.document(), document.toString());
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static JsonNode tree(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
