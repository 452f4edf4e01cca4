package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What each CI role trusts, read from the declared trust policies: the role, its ARN and the exact GitHub OIDC
 * {@code sub} values a workflow's token must carry to assume it. What CI must be configured with, shown by the plan.
 *
 * @param subjects the {@code token.actions.githubusercontent.com:sub} values the trust requires
 */
public record CiTrust(String role, String arn, List<String> subjects) {

    static final String SUB = "token.actions.githubusercontent.com:sub";
    private static final ObjectMapper JSON = new ObjectMapper();

    public CiTrust {
        subjects = List.copyOf(subjects);
    }

    /** Every declared IAM role whose trust names GitHub's OIDC subject, in plan order. */
    public static List<CiTrust> of(List<PlannedResource> resources, String accountId) {
        List<CiTrust> roles = new ArrayList<>();
        for (PlannedResource r : resources) {
            if (!r.type().equals("aws:iam/role:Role")) {
                continue;
            }
            List<String> subjects = subjects(r.inputs().path("assumeRolePolicy").asText(""));
            if (!subjects.isEmpty()) {
                String name = r.inputs().path("name").asText(r.name());
                roles.add(new CiTrust(name, "arn:aws:iam::" + accountId + ":role/" + name, subjects));
            }
        }
        return roles;
    }

    private static List<String> subjects(String trustJson) {
        List<String> out = new ArrayList<>();
        if (trustJson.isBlank()) {
            return out;
        }
        try {
            for (JsonNode statement : JSON.readTree(trustJson).path("Statement")) {
                statement.path("Condition").forEach(operator -> {
                    JsonNode sub = operator.path(SUB);
                    if (sub.isArray()) {
                        sub.forEach(s -> out.add(s.asText()));
                    } else if (sub.isTextual()) {
                        out.add(sub.asText());
                    }
                });
            }
        } catch (IOException e) {
            return out; // an unreadable trust (unknown at preview) shows no subject; the policy pack judges it
        }
        return out;
    }
}
