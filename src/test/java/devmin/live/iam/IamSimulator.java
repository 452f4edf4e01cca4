package devmin.live.iam;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A WireMock stand-in for {@code iam:SimulatePrincipalPolicy} that answers exactly what was asked: it reads the
 * PolicySourceArn, ActionNames and ResourceArns of each request and decides each cell from {@link #grants}. It answers
 * in IAM's current shape (one EvaluationResult per action, a decision per resource in ResourceSpecificResults, the
 * top-level decision the most restrictive) or the earlier one (one EvaluationResult per action and resource), and can
 * be told to corrupt its answer (drop, duplicate or add a cell) to prove the completeness check.
 */
public final class IamSimulator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "iam-simulator";

    /** One evaluated cell as the simulator will answer it. */
    public record Cell(String action, String resource, String decision) {
    }

    /** Role ARN to the cells ("action on resource") IAM allows it. */
    public final Map<String, Set<String>> grants = new ConcurrentHashMap<>();
    public volatile boolean perResourceResults = true;
    public volatile UnaryOperator<List<Cell>> corrupt = UnaryOperator.identity();
    public volatile int pageSize = Integer.MAX_VALUE;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Map<String, List<String>> form = form(event.getRequest().getBodyAsString());
        String role = form.get("PolicySourceArn").get(0);
        List<String> actions = members(form, "ActionNames");
        List<String> resources = members(form, "ResourceArns");
        Set<String> allowed = grants.getOrDefault(role, Set.of());
        List<Cell> cells = new ArrayList<>();
        for (String action : actions) {
            for (String resource : resources) {
                cells.add(new Cell(action, resource, allowed.contains(action + " on " + resource) ? "allowed"
                        : "implicitDeny"));
            }
        }
        List<String> results = results(corrupt.apply(cells));
        int from = form.containsKey("Marker") ? Integer.parseInt(form.get("Marker").get(0)) : 0;
        int to = Math.min(results.size(), from + pageSize);
        String marker = to < results.size() ? String.valueOf(to) : "";
        return responseDefinition().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(response(String.join("", results.subList(from, to)), marker)).build();
    }

    private List<String> results(List<Cell> cells) {
        List<String> results = new ArrayList<>();
        if (!perResourceResults) {
            cells.forEach(c -> results.add("<member><EvalActionName>" + c.action() + "</EvalActionName>"
                    + "<EvalResourceName>" + c.resource() + "</EvalResourceName><EvalDecision>" + c.decision()
                    + "</EvalDecision></member>"));
            return results;
        }
        Map<String, List<Cell>> byAction = new LinkedHashMap<>();
        cells.forEach(c -> byAction.computeIfAbsent(c.action(), a -> new ArrayList<>()).add(c));
        byAction.forEach((action, perResource) -> {
            StringBuilder specific = new StringBuilder();
            perResource.forEach(c -> specific.append("<member><EvalResourceName>").append(c.resource())
                    .append("</EvalResourceName><EvalResourceDecision>").append(c.decision())
                    .append("</EvalResourceDecision></member>"));
            String aggregate = perResource.stream().allMatch(c -> c.decision().equals("allowed")) ? "allowed"
                    : "implicitDeny";
            results.add("<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>*"
                    + "</EvalResourceName><EvalDecision>" + aggregate + "</EvalDecision><ResourceSpecificResults>"
                    + specific + "</ResourceSpecificResults></member>");
        });
        return results;
    }

    static String response(String members, String marker) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>" + !marker.isEmpty() + "</IsTruncated>"
                + (marker.isEmpty() ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + members + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    /** The request's ResourceArns (or other list) in order. */
    static List<String> members(Map<String, List<String>> form, String list) {
        List<String> values = new ArrayList<>();
        for (int i = 1; form.containsKey(list + ".member." + i); i++) {
            values.add(form.get(list + ".member." + i).get(0));
        }
        return values;
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
