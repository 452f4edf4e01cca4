package devmin.policy;

import org.junit.jupiter.api.Test;

import static devmin.policy.Views.*;
import static org.assertj.core.api.Assertions.assertThat;

/** How every rule reads a property: outputs are what exists, empty means absent, unknown never hides a known value. */
class ResourceViewTest {

    static ResourceView route(String inputs, String outputs) {
        return withOutputs(demo("aws:ec2/route:Route", "r", (com.fasterxml.jackson.databind.node.ObjectNode) tree(inputs)),
                (com.fasterxml.jackson.databind.node.ObjectNode) tree(outputs));
    }

    @Test
    void outputsWinWhenBothSidesHoldAValue() {
        assertThat(route("{'gatewayId':'igw-1'}", "{'gatewayId':'igw-2'}").text("gatewayId")).contains("igw-2");
    }

    @Test
    void anEmptyValueOnOneSideNeverHidesTheOther() {
        assertThat(route("{'natGatewayId':'nat-1'}", "{'natGatewayId':''}").text("natGatewayId")).contains("nat-1");
        assertThat(route("{'natGatewayId':''}", "{'natGatewayId':'nat-2'}").text("natGatewayId")).contains("nat-2");
        assertThat(route("{'natGatewayId':''}", "{'natGatewayId':''}").property("natGatewayId")).isEmpty();
        assertThat(route("{'routes':[{}]}", "{}").property("routes")).isEmpty();
    }

    @Test
    void anUnknownValueGivesWayToAKnownOneButIsKeptWhenNothingIsKnown() {
        assertThat(route("{'gatewayId':'igw-1'}", "{'gatewayId':'[unknown]'}").text("gatewayId")).contains("igw-1");
        assertThat(route("{'gatewayId':'[unknown]'}", "{}").text("gatewayId")).contains("[unknown]");
    }

    @Test
    void withoutRelationsKeepsTheResourceAndForgetsWhereItsValuesCameFrom() {
        ResourceView role = demo("aws:iam/role:Role", "role", props("name", "r"));
        ResourceView task = from(demo("aws:ecs/taskDefinition:TaskDefinition", "t", props("executionRoleArn",
                "arn:aws:iam::1:role/r")), "executionRoleArn", role).withProtect(true);

        ResourceView seen = task.withoutRelations();

        assertThat(task.dependenciesOfPath("executionRoleArn.x")).containsExactly(role.urn());
        assertThat(seen.dependenciesOfPath("executionRoleArn")).isEmpty();
        assertThat(seen.dependencies()).isEmpty();
        assertThat(seen.relationsKnown()).isFalse();
        assertThat(seen.urn()).isEqualTo(task.urn());
        assertThat(seen.protect()).isTrue();
        assertThat(seen.text("executionRoleArn")).contains("arn:aws:iam::1:role/r");
    }

    @Test
    void nestedPathsReadThroughObjects() {
        ResourceView task = demo("awsx:ecs:FargateTaskDefinition", "t", props("executionRole",
                tree("{'roleArn':'arn:aws:iam::1:role/r','skip':false}")));

        assertThat(task.path("executionRole.roleArn").map(n -> n.asText())).contains("arn:aws:iam::1:role/r");
        assertThat(task.path("executionRole.args")).isEmpty();
        assertThat(task.path("taskRole.roleArn")).isEmpty();
    }

    @Test
    void valuesAreAbsentWhenEverythingInThemIsEmpty() {
        assertThat(Values.isAbsent(tree("[{'name':'','policy':''}]"))).isTrue();
        assertThat(Values.isAbsent(tree("{'a':{'b':[]}}"))).isTrue();
        assertThat(Values.isAbsent(tree("'  '"))).isTrue();
        assertThat(Values.isAbsent(tree("0"))).isFalse();
        assertThat(Values.isAbsent(tree("false"))).isFalse();
        assertThat(Values.isAbsent(tree("[{},{'x':'1'}]"))).isFalse();
    }

    @Test
    void documentFieldsMatchInAnyCasing() {
        assertThat(Values.field(tree("{'Secrets':[{'name':'A'}]}"), "secrets")).isPresent();
        assertThat(Values.field(tree("{'secrets':[],'SECRETS':[{'name':'A'}]}"), "secrets"))
                .hasValueSatisfying(v -> assertThat(v.size()).isEqualTo(1));
        assertThat(Values.field(tree("{'secrets':[]}"), "secrets")).isEmpty();
    }
}
