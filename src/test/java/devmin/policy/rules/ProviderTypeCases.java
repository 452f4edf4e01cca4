package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;

import static devmin.policy.Views.*;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/**
 * The same NAT gateway, load balancer, compute, task definition or IAM grant declared through aws-native, awsx or a
 * newer pulumi-aws type (property names from each provider's own type definitions), and types the table does not know.
 */
final class ProviderTypeCases {

    static final String GROUP = "provider-types";
    static final String EXEC_ARN = "arn:aws:iam::123456789012:role/devmin-dev-min-exec";
    static final String LANE_ARN = "arn:aws:iam::123456789012:role/devmin-dev-min-lane";

    private ProviderTypeCases() {
    }

    static ResourceView nativeRole(String name, String policiesSingleQuoted) {
        return demo("aws-native:iam:Role", name, props("roleName", "devmin-dev-min-" + name,
                "assumeRolePolicyDocument", tree("{'Statement':[{'Effect':'Allow','Principal':{'Service':"
                        + "'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}]}"), "policies", tree(policiesSingleQuoted)));
    }

    static ResourceView nativeTask(String containersSingleQuoted) {
        return demo("aws-native:ecs:TaskDefinition", "t", props("executionRoleArn", EXEC_ARN, "taskRoleArn", LANE_ARN,
                "containerDefinitions", tree(containersSingleQuoted)));
    }

    static List<RuleCase> all() {
        var nat = new NoNatGateway();
        var lb = new NoLoadBalancer();
        var compute = new AlwaysOnComputeOnlyInDemo();
        var exec = new ExecutionRoleReadsNoSecrets();
        var admin = new NoAdministratorGrant();
        var known = new AwsTypesAreKnown();
        ResourceView execRole = IamRuleCases.role("exec");
        ResourceView laneRole = IamRuleCases.role("lane");
        String app = "{'name':'app','image':'" + WorkloadRuleCases.PINNED + "'}";
        return List.of(
                violates(nat, "an aws-native NAT gateway", demo("aws-native:ec2:NatGateway", "nat",
                        props("subnetId", "subnet-1"))).firing("nat", "is declared (aws-native:ec2:NatGateway)"),
                violates(nat, "an awsx VPC told to create a single NAT gateway", demo("awsx:ec2:Vpc", "vpc",
                        props("natGateways", tree("{'strategy':'Single'}")))).firing("vpc", "natGateways.strategy = Single"),
                violates(nat, "a classic awsx NAT gateway component", demo("awsx:x:ec2:NatGateway", "nat", props()))
                        .firing("nat", "(awsx:x:ec2:NatGateway)"),
                violates(nat, "an awsx VPC whose NAT strategy is unknown until the update runs", demo("awsx:ec2:Vpc",
                        "vpc", props("natGateways", tree("{'strategy':'[unknown]'}"))))
                        .firing("vpc", "natGateways.strategy is unknown until the update runs"),
                violates(nat, "a classic awsx VPC with two NAT gateways", demo("awsx:x:ec2:Vpc", "vpc",
                        props("numberOfNatGateways", 2))).firing("vpc", "numberOfNatGateways = 2"),
                complies(nat, "a classic awsx VPC with no NAT gateway", demo("awsx:x:ec2:Vpc", "vpc",
                        props("numberOfNatGateways", 0))),
                complies(nat, "an awsx VPC with NAT strategy None", demo("awsx:ec2:Vpc", "vpc",
                        props("natGateways", tree("{'strategy':'None'}")))),
                complies(nat, "an awsx VPC whose inputs were not recorded (its children are judged)",
                        demo("awsx:ec2:Vpc", "vpc", props())),

                violates(lb, "an aws-native ALB", demo("aws-native:elasticloadbalancingv2:LoadBalancer", "alb",
                        props("type", "application"))).firing("alb", "load balancer 'alb'"),
                violates(lb, "an awsx application load balancer component", demo("awsx:lb:ApplicationLoadBalancer",
                        "alb", props())).firing("alb", "(awsx:lb:ApplicationLoadBalancer) is declared"),
                violates(lb, "an ECS Express service, which provisions a load balancer",
                        demo("aws-native:ecs:ExpressGatewayService", "express", props()))
                        .firing("express", "load balancer 'express'"),
                violates(lb, "a target group under its pre-v6 alias token",
                        demo("aws:elasticloadbalancingv2/targetGroup:TargetGroup", "tg", props()))
                        .firing("tg", "is part of a load balancer"),
                complies(lb, "an aws-native ECS service", demo("aws-native:ecs:Service", "svc", props())),

                violates(compute, "a spot fleet", demo("aws:ec2/spotFleetRequest:SpotFleetRequest", "fleet", props()))
                        .firing("fleet", "EC2 compute 'fleet'"),
                violates(compute, "an aws-native auto scaling group",
                        demo("aws-native:autoscaling:AutoScalingGroup", "asg", props())).firing("asg", "EC2 compute"),
                violates(compute, "a launch template", demo("aws:ec2/launchTemplate:LaunchTemplate", "lt", props()))
                        .firing("lt", "EC2 compute 'lt'"),
                violates(compute, "an awsx Fargate service in core", core("awsx:ecs:FargateService", "svc", props()))
                        .firing("svc", "is in layer 'core', not demo"),
                violates(compute, "an aws-native RDS instance in core", core("aws-native:rds:DbInstance", "db", props()))
                        .firing("db", "always-on 'db'"),
                complies(compute, "an aws-native ECS service in demo", demo("aws-native:ecs:Service", "svc", props())),

                violates(exec, "SSM read-only through RolePolicyAttachmentsExclusive", IamRuleCases.task("t"), execRole,
                        laneRole, demo("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", "x",
                                props("roleName", "devmin-dev-min-exec", "policyArns",
                                        tree("['arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess']"))))
                        .firing("exec", "is granted ssm:GetParameter by Allow [ssm:Describe*, ssm:Get*, ssm:List*]"),
                violates(exec, "SecretsManagerReadWrite through a PolicyAttachment's roles list", IamRuleCases.task("t"),
                        execRole, laneRole, demo("aws:iam/policyAttachment:PolicyAttachment", "pa", props("name", "pa",
                                "roles", tree("['devmin-dev-min-exec']"), "policyArn",
                                "arn:aws:iam::aws:policy/SecretsManagerReadWrite")))
                        .firing("exec", "is granted secretsmanager:GetSecretValue"),
                violates(exec, "an aws-native role's inline policy", nativeTask("[" + app + "]"), laneRole,
                        nativeRole("exec", "[{'policyName':'p','policyDocument':{'Statement':[{'Effect':'Allow',"
                                + "'Action':'secretsmanager:GetSecretValue','Resource':'*'}]}}]"))
                        .firing("exec", "is granted secretsmanager:GetSecretValue"),
                violates(exec, "an aws-native managed policy attaching itself", nativeTask("[" + app + "]"), execRole,
                        laneRole, demo("aws-native:iam:ManagedPolicy", "mp", props("roles", tree("['devmin-dev-min-exec']"),
                                "policyDocument", tree("{'Statement':[{'Effect':'Allow','Action':'kms:Decrypt',"
                                        + "'Resource':'*'}]}")))).firing("exec", "is granted kms:Decrypt"),
                violates(exec, "secrets in an aws-native task definition", execRole, laneRole, nativeTask(
                        "[{'name':'app','image':'x','secrets':[{'name':'DB','valueFrom':'arn:aws:ssm:r:1:parameter/db'}]}]"))
                        .firing("t", "container 'app' injects 1 secret(s)"),
                violates(exec, "secrets in an awsx task definition's containers map", execRole, laneRole,
                        demo("awsx:ecs:FargateTaskDefinition", "t", props("executionRole", tree("{'roleArn':'"
                                + EXEC_ARN + "'}"), "containers", tree("{'app':{'name':'app','image':'x','secrets':"
                                + "[{'name':'K','valueFrom':'arn:aws:secretsmanager:r:1:secret:k'}]}}"))))
                        .firing("t", "container 'app' injects 1 secret(s)"),
                complies(exec, "an aws-native execution role with the AWS execution policy", nativeTask("[" + app + "]"),
                        laneRole, demo("aws-native:iam:Role", "exec", props("roleName", "devmin-dev-min-exec",
                                "managedPolicyArns", tree("['arn:aws:iam::aws:policy/service-role/"
                                        + "AmazonECSTaskExecutionRolePolicy']")))),

                violates(admin, "an aws-native managed policy allowing everything", core("aws-native:iam:ManagedPolicy",
                        "mp", props("policyDocument", tree("{'Statement':[{'Effect':'Allow','Action':'*',"
                                + "'Resource':'*'}]}")))).firing("mp", "allows every action on every resource"),

                violates(known, "an ec2 type newer than the table", demo("aws:ec2/someNewCompute:SomeNewCompute", "x",
                        props())).firing("x", "pulumi-aws 6.83.0) does not know"),
                violates(known, "an aws-native iam type newer than the table", core("aws-native:iam:SomeNewGrant", "x",
                        props())).firing("x", "type aws-native:iam:SomeNewGrant"),
                violates(known, "an awsx component the table does not know", demo("awsx:ecs:SomeNewService", "x",
                        props())).firing("x", "pulumi-awsx 3.9.0"),
                complies(known, "a known ec2 type", demo("aws:ec2/securityGroup:SecurityGroup", "sg", props())),
                complies(known, "a type of a module that grants nothing and runs nothing", core("aws:s3/bucketV2:BucketV2",
                        "b", props())),
                complies(known, "a known aws-native type", demo("aws-native:ec2:Vpc", "vpc", props()))
        ).stream().map(c -> c.in(GROUP)).toList();
    }
}
