package devmin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;

/**
 * Writes a synthetic {@code pulumi stack export} of N resources in dev-min's shape (three layers, roles with policies,
 * task definitions, buckets with guards, log groups, ACLs) for throughput measurements of {@code devmin policy check}:
 * {@code java -cp target/devmin.jar:target/test-classes devmin.bench.StackExportGenerator 10000 export.json}.
 */
public final class StackExportGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack::devmin-dev-min";

    private StackExportGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        File out = new File(args.length > 1 ? args[1] : "target/stack-export-" + count + ".json");
        JSON.writeValue(out, generate(count));
        System.out.println("wrote " + count + " resources to " + out);
    }

    public static ObjectNode generate(int count) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 3);
        ArrayNode resources = root.putObject("deployment").putArray("resources");
        resources.addObject().put("urn", STACK).put("type", "pulumi:pulumi:Stack").put("custom", false);
        String[] layers = {"core", "confluent", "demo"};
        for (String layer : layers) {
            String type = "devmin:stacks:" + Character.toUpperCase(layer.charAt(0)) + layer.substring(1) + "Stack";
            resources.addObject().put("urn", STACK.replace("pulumi:pulumi:Stack::devmin-dev-min",
                    "pulumi:pulumi:Stack$" + type + "::" + layer)).put("type", type).put("parent", STACK);
        }
        int i = 0;
        while (resources.size() < count) {
            String layer = layers[i % 3];
            String layerType = "devmin:stacks:" + Character.toUpperCase(layer.charAt(0)) + layer.substring(1) + "Stack";
            String parent = STACK.replace("pulumi:pulumi:Stack::devmin-dev-min", "pulumi:pulumi:Stack$" + layerType
                    + "::" + layer);
            addGroup(resources, parent, layerType, layer, i);
            i++;
        }
        while (resources.size() > count) {
            resources.remove(resources.size() - 1);
        }
        return root;
    }

    private static void addGroup(ArrayNode resources, String parent, String layerType, String layer, int i) {
        String prefix = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$" + layerType + "$";
        boolean demo = layer.equals("demo");
        String roleName = "devmin-dev-min-role-" + i;
        ObjectNode role = resource(resources, prefix + "aws:iam/role:Role::role-" + i, "aws:iam/role:Role", parent, !demo);
        role.with("inputs").put("name", roleName).put("assumeRolePolicy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "[\"ecs-tasks.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"]}]}");
        role.with("outputs").put("arn", "arn:aws:iam::123456789012:role/" + roleName);
        ObjectNode policy = resource(resources, prefix + "aws:iam/rolePolicy:RolePolicy::policy-" + i,
                "aws:iam/rolePolicy:RolePolicy", parent, !demo);
        policy.with("inputs").put("role", roleName).put("policy", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":[\"logs:PutLogEvents\"],\"Resource\":[\"*\"]}]}");
        ObjectNode logs = resource(resources, prefix + "aws:cloudwatch/logGroup:LogGroup::log-" + i,
                "aws:cloudwatch/logGroup:LogGroup", parent, !demo);
        logs.with("inputs").put("name", "/devmin/dev_min/" + i).put("retentionInDays", 7);
        logs.with("outputs").putObject("tagsAll").put("devmin:layer", layer);
        if (demo) {
            ObjectNode task = resource(resources, prefix + "aws:ecs/taskDefinition:TaskDefinition::task-" + i,
                    "aws:ecs/taskDefinition:TaskDefinition", parent, false);
            task.with("inputs").put("executionRoleArn", "arn:aws:iam::123456789012:role/" + roleName)
                    .put("taskRoleArn", "arn:aws:iam::123456789012:role/" + roleName)
                    .put("containerDefinitions", "[{\"name\":\"app\",\"image\":\"r@sha256:" + "a".repeat(64)
                            + "\",\"environment\":[{\"name\":\"SSM_IG_API_KEY_PATH\",\"value\":\"/devmin/x\"}]}]");
            task.with("outputs").putObject("tagsAll").put("devmin:layer", "demo");
            role.with("outputs").putObject("tagsAll").put("devmin:layer", "demo");
            policy.with("outputs").putObject("tagsAll").put("devmin:layer", "demo");
        } else {
            ObjectNode acl = resource(resources, prefix + "confluentcloud:index/kafkaAcl:KafkaAcl::acl-" + i,
                    "confluentcloud:index/kafkaAcl:KafkaAcl", parent, true);
            acl.with("inputs").put("resourceType", "TOPIC").put("resourceName", "topic-" + i)
                    .put("patternType", "LITERAL").put("operation", "READ")
                    .put("principal", "User:sa-" + i).put("host", "*").put("permission", "ALLOW");
        }
        if (i % 50 == 0 && !demo) {
            ObjectNode budget = resource(resources, prefix + "aws:budgets/budget:Budget::budget-" + i,
                    "aws:budgets/budget:Budget", parent, true);
            budget.with("inputs").putArray("notifications").addObject().put("threshold", 10);
        }
    }

    private static ObjectNode resource(ArrayNode resources, String urn, String type, String parent, boolean protect) {
        ObjectNode r = resources.addObject();
        r.put("urn", urn).put("type", type).put("custom", true).put("parent", parent).put("protect", protect)
                .put("id", urn.substring(urn.lastIndexOf("::") + 2));
        r.putObject("inputs");
        r.putObject("outputs");
        return r;
    }
}
