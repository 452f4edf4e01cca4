package devmin.policy.kinds;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource-kind table against the providers' own type lists, and the facts the rules rely on, as the providers
 * document them.
 */
class ResourceKindsTest {

    private final ResourceKinds table = ResourceKinds.table();

    @Test
    void everyPulumiAwsTokenOfTheTableIsDeclaredByTheProviderExceptTheRemovedAliases() {
        Set<String> declared = ProviderTypeLists.pulumiAws();
        Set<String> ours = tokensOf("aws");

        assertThat(declared).as("the jar was enumerated").hasSizeGreaterThan(1000)
                .contains("aws:ec2/natGateway:NatGateway", "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive");
        assertThat(ours.stream().filter(t -> !legacy(t))).allMatch(declared::contains);
        assertThat(ours.stream().filter(this::legacy)).isNotEmpty().noneMatch(declared::contains);
    }

    @Test
    void everyPulumiAwsTypeOfAWatchedModuleIsInTheTable() {
        assertThat(unlisted(ProviderTypeLists.pulumiAws(), "aws")).isEmpty();
    }

    @Test
    void everyAwsNativeTokenOfTheTableExistsAndEveryTypeOfAWatchedModuleIsListed() {
        Set<String> declared = ProviderTypeLists.fromResource("aws-native-1.79.0.types");

        assertThat(declared).hasSizeGreaterThan(1000).contains("aws-native:ec2:NatGateway");
        assertThat(tokensOf("aws-native")).allMatch(declared::contains);
        assertThat(unlisted(declared, "aws-native")).isEmpty();
    }

    @Test
    void everyAwsxTokenOfTheTableExistsAndEveryComponentIsListed() {
        Set<String> declared = ProviderTypeLists.fromResource("awsx-3.9.0.types");

        assertThat(declared).contains("awsx:ec2:Vpc", "awsx:ecs:FargateService");
        assertThat(tokensOf("awsx")).allMatch(declared::contains);
        assertThat(unlisted(declared, "awsx")).isEmpty();
    }

    @Test
    void natGatewaysAreRecognisedInEveryProvider() {
        assertThat(table.typesOf(Kind.NAT_GATEWAY)).contains("aws:ec2/natGateway:NatGateway",
                "aws-native:ec2:NatGateway", "awsx:x:ec2:NatGateway");
        assertThat(table.is("awsx:ec2:Vpc", Kind.NAT_CAPABLE_VPC)).isTrue();
        assertThat(table.is("aws:ec2/internetGateway:InternetGateway", Kind.NAT_GATEWAY)).isFalse();
    }

    @Test
    void loadBalancersAndTheirPartsAreRecognisedInEveryProvider() {
        assertThat(table.typesOf(Kind.LOAD_BALANCER)).contains("aws:lb/loadBalancer:LoadBalancer",
                "aws:alb/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer",
                "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer",
                "aws-native:elasticloadbalancingv2:LoadBalancer", "aws-native:elasticloadbalancing:LoadBalancer",
                "awsx:lb:ApplicationLoadBalancer", "awsx:lb:NetworkLoadBalancer");
        assertThat(table.typesOf(Kind.LOAD_BALANCER_PART)).contains("aws:lb/listener:Listener",
                "aws:lb/targetGroup:TargetGroup", "aws-native:elasticloadbalancingv2:TargetGroup",
                "awsx:lb:TargetGroupAttachment");
    }

    @Test
    void computeIsRecognisedInEveryProvider() {
        assertThat(table.typesOf(Kind.EC2_COMPUTE)).contains("aws:ec2/instance:Instance",
                "aws:ec2/spotFleetRequest:SpotFleetRequest", "aws:autoscaling/group:Group",
                "aws:ec2/launchTemplate:LaunchTemplate", "aws-native:ec2:SpotFleet",
                "aws-native:autoscaling:AutoScalingGroup");
        assertThat(table.typesOf(Kind.ALWAYS_ON)).contains("aws:ecs/service:Service", "aws:rds/instance:Instance",
                "aws-native:ecs:Service", "aws-native:rds:DbInstance", "awsx:ecs:FargateService");
        assertThat(table.typesOf(Kind.TASK_DEFINITION)).contains("aws:ecs/taskDefinition:TaskDefinition",
                "aws-native:ecs:TaskDefinition", "awsx:ecs:FargateTaskDefinition", "awsx:ecs:FargateService");
    }

    @Test
    void iamGrantsOfEveryFormAreRecognised() {
        assertThat(table.typesOf(Kind.IAM_ATTACHMENT)).containsExactlyInAnyOrder(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment",
                "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
                "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
                "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
                "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive");
        assertThat(table.typesOf(Kind.IAM_INLINE_POLICY)).contains("aws:iam/rolePolicy:RolePolicy",
                "aws-native:iam:RolePolicy");
        assertThat(table.typesOf(Kind.IAM_MANAGED_POLICY)).containsExactlyInAnyOrder("aws:iam/policy:Policy",
                "aws-native:iam:ManagedPolicy");
        assertThat(table.facts("aws-native:iam:Role").orElseThrow().part("inline").path("document").asText())
                .isEqualTo("policyDocument");
        assertThat(table.facts("aws:iam/policyAttachment:PolicyAttachment").orElseThrow().targets())
                .containsEntry("role", "roles");
    }

    @Test
    void anUnknownTypeIsUnrecognisedOnlyInAWatchedModule() {
        assertThat(table.isUnrecognised("aws:ec2/someNewCompute:SomeNewCompute")).isTrue();
        assertThat(table.isUnrecognised("aws-native:iam:SomeNewGrant")).isTrue();
        assertThat(table.isUnrecognised("awsx:anything:New")).isTrue();
        assertThat(table.isUnrecognised("aws:s3/someNewThing:SomeNewThing")).isFalse();
        assertThat(table.isUnrecognised("aws:ec2/securityGroup:SecurityGroup")).isFalse();
        assertThat(table.isUnrecognised("confluentcloud:index/kafkaAcl:KafkaAcl")).isFalse();
    }

    @Test
    void typeTokensAreSplitAsEachProviderSpellsThem() {
        assertThat(TypeToken.module("aws:ec2/natGateway:NatGateway")).isEqualTo("ec2");
        assertThat(TypeToken.module("aws-native:ec2:NatGateway")).isEqualTo("ec2");
        assertThat(TypeToken.module("awsx:x:ec2:Vpc")).isEqualTo("ec2");
        assertThat(TypeToken.provider("aws-native:ec2:NatGateway")).isEqualTo("aws-native");
        assertThat(TypeToken.ofUrn("urn:pulumi:dev-min::devmin::devmin:stacks:DemoStack$aws:ec2/natGateway:NatGateway"
                + "::nat")).isEqualTo("aws:ec2/natGateway:NatGateway");
        assertThat(TypeToken.ofUrn("not a urn")).isEmpty();
        assertThat(TypeToken.ofUrn("urn:pulumi:s::p::aws:ec2/vpc:Vpc::v")).isEqualTo("aws:ec2/vpc:Vpc");
        assertThat(TypeToken.provider("aws")).isEqualTo("aws");
        assertThat(TypeToken.provider(":x")).isEmpty();
        assertThat(TypeToken.module("aws:ec2")).isEmpty();
        assertThat(TypeToken.module("aws:x:Vpc")).isEqualTo("x");
        assertThat(TypeToken.module("aws:ec2:Vpc")).isEqualTo("ec2");
    }

    @Test
    void theTableIsReadFromItsDocument() {
        ResourceKinds small = ResourceKinds.parse(devmin.policy.Views.tree("{'providers':{'aws':{'package':'pulumi-aws',"
                + "'version':'9.9.9','watchedModules':['ec2']}},'types':{'aws:ec2/natGateway:NatGateway':{'kinds':"
                + "['nat-gateway','route'],'legacy':true}},'known':{'aws':['aws:ec2/vpc:Vpc']}}"));

        assertThat(small.facts("aws:ec2/natGateway:NatGateway")).hasValueSatisfying(f -> {
            assertThat(f.kinds()).containsExactlyInAnyOrder(Kind.NAT_GATEWAY, Kind.ROUTE);
            assertThat(f.legacy()).isTrue();
        });
        assertThat(small.allTokens()).containsExactlyInAnyOrder("aws:ec2/natGateway:NatGateway", "aws:ec2/vpc:Vpc");
        assertThat(small.watchedModules()).containsEntry("aws", List.of("ec2"));
        assertThat(small.checkedAgainst("aws")).isEqualTo("pulumi-aws 9.9.9");
        assertThat(small.isUnrecognised("aws:ec2/instance:Instance")).isTrue();
        assertThat(small.isUnrecognised("aws:iam/role:Role")).isFalse();
    }

    @Test
    void aKindTheRulesDoNotKnowIsAnErrorInTheTable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceKinds.parse(devmin.policy.Views.tree(
                "{'types':{'aws:ec2/x:X':{'kinds':['nat-gatway']}}}"))).hasMessageContaining("aws:ec2/x:X")
                .hasMessageContaining("unknown kind 'nat-gatway'");
    }

    @Test
    void shapesGivePropertyNamesAsTextOrLists() {
        TypeFacts facts = table.facts("awsx:ecs:FargateService").orElseThrow();

        assertThat(facts.properties("containers")).containsExactly("taskDefinitionArgs.container",
                "taskDefinitionArgs.containers");
        assertThat(facts.properties("executionRole")).containsExactly("taskDefinitionArgs.executionRole.roleArn");
        assertThat(facts.properties("nothing")).isEmpty();
        assertThat(facts.property("containers")).isEmpty();
        assertThat(facts.targets()).isEmpty();
    }

    private boolean legacy(String type) {
        return table.facts(type).map(TypeFacts::legacy).orElse(false);
    }

    private Set<String> tokensOf(String provider) {
        return table.allTokens().stream().filter(t -> TypeToken.provider(t).equals(provider))
                .collect(Collectors.toSet());
    }

    private List<String> unlisted(Set<String> declared, String provider) {
        List<String> modules = table.watchedModules().get(provider);
        return declared.stream().filter(t -> TypeToken.provider(t).equals(provider))
                .filter(t -> modules.contains("*") || modules.contains(TypeToken.module(t)))
                .filter(t -> !table.allTokens().contains(t)).toList();
    }
}
