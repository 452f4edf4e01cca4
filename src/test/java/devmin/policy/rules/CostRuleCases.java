package devmin.policy.rules;

import java.util.List;

import static devmin.policy.Views.*;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/** Cases for the cost rules: NAT, load balancers, always-on compute, log retention, budget. */
final class CostRuleCases {

    private CostRuleCases() {
    }

    static List<RuleCase> all() {
        var nat = new NoNatGateway();
        var lb = new NoLoadBalancer();
        var compute = new AlwaysOnComputeOnlyInDemo();
        var logs = new LogGroupsHaveRetention();
        var budget = new StackHasBudget();
        return List.of(
                violates(nat, "a NAT gateway in the demo layer", demo("aws:ec2/natGateway:NatGateway", "nat",
                        props("subnetId", "subnet-1"))).firing("nat", "NAT gateway 'nat' is declared"),
                violates(nat, "a NAT gateway outside any layer", res("aws:ec2/natGateway:NatGateway", "nat", "",
                        props("allocationId", "eipalloc-1"))).firing("nat", "is declared"),
                violates(nat, "a route through a NAT gateway", demo("aws:ec2/route:Route", "r",
                        props("routeTableId", "rtb-1", "natGatewayId", "nat-1", "destinationCidrBlock", "0.0.0.0/0")))
                        .firing("r", "(natGatewayId = nat-1)"),
                violates(nat, "a route table with an inline NAT route", demo("aws:ec2/routeTable:RouteTable", "rt",
                        props("routes", tree("[{'cidrBlock':'0.0.0.0/0','natGatewayId':'nat-1'}]"))))
                        .firing("rt", "routes 0.0.0.0/0 through a NAT gateway (routes[].natGatewayId = nat-1)"),
                complies(nat, "a route table to an internet gateway", demo("aws:ec2/routeTable:RouteTable", "rt",
                        props("routes", tree("[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1'}]")))),
                complies(nat, "an internet gateway", demo("aws:ec2/internetGateway:InternetGateway", "igw",
                        props("vpcId", "vpc-1"))),

                violates(lb, "an application load balancer", demo("aws:lb/loadBalancer:LoadBalancer", "alb",
                        props("loadBalancerType", "application"))).firing("alb", "load balancer 'alb'"),
                violates(lb, "the alb alias token", demo("aws:alb/loadBalancer:LoadBalancer", "alb", props()))
                        .firing("alb", "(aws:alb/loadBalancer:LoadBalancer) is declared"),
                violates(lb, "a classic load balancer", demo("aws:elb/loadBalancer:LoadBalancer", "elb", props()))
                        .firing("elb", "(aws:elb/loadBalancer:LoadBalancer) is declared"),
                violates(lb, "a target group as evidence", demo("aws:lb/targetGroup:TargetGroup", "tg",
                        props("port", 80))).firing("tg", "is part of a load balancer"),
                complies(lb, "a security group", demo("aws:ec2/securityGroup:SecurityGroup", "sg", props())),
                complies(lb, "an ECS service without load balancers", demo("aws:ecs/service:Service", "svc",
                        props("desiredCount", 1))),

                violates(compute, "an ECS service in core", core("aws:ecs/service:Service", "svc", props()))
                        .firing("svc", "is in layer 'core', not demo"),
                violates(compute, "an RDS instance in confluent", res("aws:rds/instance:Instance", "db", "confluent",
                        props())).firing("db", "is in layer 'confluent'"),
                violates(compute, "an EC2 instance even in demo", demo("aws:ec2/instance:Instance", "vm",
                        props("instanceType", "t3.micro"))).firing("vm", "EC2 compute 'vm'"),
                violates(compute, "an ECS service outside any layer", res("aws:ecs/service:Service", "svc", "",
                        props())).firing("svc", "is in layer 'none'"),
                complies(compute, "an ECS service in demo", demo("aws:ecs/service:Service", "svc", props())),
                complies(compute, "an RDS instance in demo", demo("aws:rds/instance:Instance", "db", props())),

                violates(logs, "a log group without retention", demo("aws:cloudwatch/logGroup:LogGroup", "lg",
                        props("name", "/x"))).firing("lg", "keeps events forever"),
                violates(logs, "a log group with retention 0", demo("aws:cloudwatch/logGroup:LogGroup", "lg",
                        props("retentionInDays", 0))).firing("lg", "keeps events forever"),
                violates(logs, "a core log group kept forever", core("aws:cloudwatch/logGroup:LogGroup", "lg",
                        props("retentionInDays", "0"))).firing("lg", "keeps events forever"),
                complies(logs, "a log group kept 7 days", demo("aws:cloudwatch/logGroup:LogGroup", "lg",
                        props("retentionInDays", 7))),
                complies(logs, "a log group kept 30 days", core("aws:cloudwatch/logGroup:LogGroup", "lg",
                        props("retentionInDays", 30))),

                violates(budget, "a stack with no budget", core("aws:s3/bucketV2:BucketV2", "b", props()),
                        res("pulumi:pulumi:Stack", "devmin-dev-min", "", props()))
                        .firing("devmin-dev-min", "declares no AWS budget"),
                violates(budget, "an empty stack with only its stack resource", res("pulumi:pulumi:Stack",
                        "devmin-dev-min", "", props())).firing("devmin-dev-min", "declares no AWS budget"),
                violates(budget, "a budget without notifications", core("aws:budgets/budget:Budget", "b",
                        props("limitAmount", "30", "notifications", tree("[]"))))
                        .firing("b", "budget 'b' alerts nobody"),
                complies(budget, "a budget with an alert", core("aws:budgets/budget:Budget", "b",
                        props("limitAmount", "30", "notifications", tree("[{'threshold':10}]")))),
                complies(budget, "a budget among other resources", core("aws:budgets/budget:Budget", "b",
                        props("notifications", tree("[{'threshold':10},{'threshold':20}]"))),
                        core("aws:s3/bucketV2:BucketV2", "bucket", props())));
    }
}
