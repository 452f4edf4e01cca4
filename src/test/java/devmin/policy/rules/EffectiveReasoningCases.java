package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;
import java.util.stream.Stream;

import static devmin.policy.Views.*;
import static devmin.policy.rules.IamRuleCases.ROLE;
import static devmin.policy.rules.IamRuleCases.doc;
import static devmin.policy.rules.IamRuleCases.trust;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/**
 * What a resource effectively does rather than what it literally says: NAT routes through any target field, in
 * inputs or recorded outputs; administrator access without {@code Resource:*}; trusts that name the repository only
 * to exclude it; {@code User:*}; secrets inside JAAS strings and URLs.
 */
final class EffectiveReasoningCases {

    static final String NAT_ROUTES = "nat-routes";
    static final String EFFECTIVE = "effective-reasoning";
    static final String NAT_ID = "nat-0123456789abcdef0";
    static final String ROUTE = "aws:ec2/route:Route";
    static final String AUD = "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}";

    private EffectiveReasoningCases() {
    }

    static List<RuleCase> all() {
        return Stream.of(natRoutes(), effective()).flatMap(List::stream).toList();
    }

    private static List<RuleCase> natRoutes() {
        var nat = new NoNatGateway();
        ResourceView natGateway = demo("aws:ec2/natGateway:NatGateway", "ngw", props());
        ResourceView igw = demo("aws:ec2/internetGateway:InternetGateway", "igw", props());
        return Stream.of(
                violates(nat, "a NAT id in gatewayId", demo(ROUTE, "r", props("gatewayId", NAT_ID,
                        "destinationCidrBlock", "0.0.0.0/0"))).firing("r", "(gatewayId = " + NAT_ID + ")"),
                violates(nat, "a NAT route present only in the recorded outputs", withOutputs(demo(ROUTE, "r",
                        props("destinationCidrBlock", "0.0.0.0/0")), props("natGatewayId", NAT_ID)))
                        .firing("r", "(natGatewayId = " + NAT_ID + ")"),
                violates(nat, "a route table whose recorded routes hold a NAT route", withOutputs(
                        demo("aws:ec2/routeTable:RouteTable", "rt", props("routes", tree(
                                "[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1'}]"))), props("routes", tree(
                                "[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1','natGatewayId':''},"
                                        + "{'cidrBlock':'10.1.0.0/16','gatewayId':'','natGatewayId':'" + NAT_ID + "'}]"))))
                        .firing("rt", "routes 10.1.0.0/16 through a NAT gateway (routes[].natGatewayId"),
                violates(nat, "a target unknown at preview that comes from a NAT gateway", natGateway,
                        from(demo(ROUTE, "r", props("gatewayId", "[unknown]")), "gatewayId", natGateway))
                        .firing("r", "sends traffic through a NAT gateway (gatewayId)"),
                violates(nat, "an aws-native route through a NAT gateway", demo("aws-native:ec2:Route", "r",
                        props("natGatewayId", NAT_ID, "routeTableId", "rtb-1")))
                        .firing("r", "(natGatewayId = " + NAT_ID + ")"),
                violates(nat, "a natGatewayId unknown at preview, from nothing this stack declares", demo(ROUTE, "r",
                        props("natGatewayId", "[unknown]"))).firing("r", "(natGatewayId)"),
                complies(nat, "an internet route unknown at preview that comes from an internet gateway", igw,
                        from(demo(ROUTE, "r", props("gatewayId", "[unknown]")), "gatewayId", igw)),
                complies(nat, "recorded routes with empty NAT fields", withOutputs(demo("aws:ec2/routeTable:RouteTable",
                        "rt", props()), props("routes", tree("[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1',"
                                + "'natGatewayId':'','networkInterfaceId':''}]"))))
        ).map(c -> c.in(NAT_ROUTES)).toList();
    }

    private static List<RuleCase> effective() {
        var admin = new NoAdministratorGrant();
        var oidc = new GithubOidcTrustIsPinned();
        var acls = new KafkaAclsAreNarrow();
        var secrets = new NoPlaintextSecretsInTaskEnvironment();
        String acl = "confluentcloud:index/kafkaAcl:KafkaAcl";
        return Stream.of(
                violates(admin, "Action * with a dummy NotResource", core("aws:iam/policy:Policy", "p", props("policy",
                        doc("[{'Effect':'Allow','Action':'*','NotResource':'arn:aws:s3:::no-such-bucket'}]"))))
                        .firing("p", "allows every action on every resource: Allow [*] on NotResource"),
                violates(admin, "a NotAction that excludes nothing real", core("aws:iam/policy:Policy", "p",
                        props("policy", doc("[{'Effect':'Allow','NotAction':'nothing:Real','Resource':'*'}]"))))
                        .firing("p", "Allow NotAction [nothing:Real] on [*]"),
                violates(admin, "every action on arn:*", core("aws:iam/policy:Policy", "p", props("policy",
                        doc("[{'Effect':'Allow','Action':'*:*','Resource':'arn:*'}]"))))
                        .firing("p", "allows every action on every resource"),
                complies(admin, "NotAction iam:* on * (power user, not every action)", core("aws:iam/policy:Policy",
                        "p", props("policy", doc("[{'Effect':'Allow','NotAction':['iam:*','organizations:*'],"
                                + "'Resource':'*'}]")))),
                complies(admin, "Action * on one bucket", core("aws:iam/policy:Policy", "p", props("policy",
                        doc("[{'Effect':'Allow','Action':'*','Resource':['arn:aws:s3:::b','arn:aws:s3:::b/*']}]")))),

                violates(oidc, "the repository named only under StringNotEquals", core(ROLE, "ci", props(
                        "assumeRolePolicy", trust(AUD + ",'StringNotEquals':{'token.actions.githubusercontent.com:sub':"
                                + "'repo:o/r:ref:refs/heads/main'}")))).firing("ci", "trust has no sub condition under"),
                violates(oidc, "the repository under StringLikeIfExists", core(ROLE, "ci", props("assumeRolePolicy",
                        trust(AUD + ",'StringLikeIfExists':{'token.actions.githubusercontent.com:sub':'repo:o/r:*'}"))))
                        .firing("ci", "trust has no sub condition"),
                violates(oidc, "a trust without Statement", core(ROLE, "ci", props("assumeRolePolicy", json(
                        "{'Version':'2012-10-17','Id':'token.actions.githubusercontent.com'}"))))
                        .firing("ci", "has no Statement to pin"),
                complies(oidc, "a pinned repository with an excluded branch", core(ROLE, "ci", props("assumeRolePolicy",
                        trust(AUD.replace("}", ",'token.actions.githubusercontent.com:sub':'repo:o/r:environment:dev-min'}")
                                + ",'StringNotEquals':{'token.actions.githubusercontent.com:sub':'repo:o/r:ref:refs/heads/x'}")))),

                violates(acls, "User:* as principal", res(acl, "a", "confluent", props("principal", "User:*",
                        "resourceType", "TOPIC", "resourceName", "t", "patternType", "LITERAL", "operation", "READ")))
                        .firing("a", "grants to principal 'User:*', which is any principal"),
                complies(acls, "a DENY for User:*, which only narrows", res(acl, "a", "confluent", props("principal",
                        "User:*", "resourceType", "TOPIC", "resourceName", "t", "patternType", "LITERAL",
                        "operation", "WRITE", "permission", "DENY"))),

                violates(secrets, "a JAAS password", WorkloadRuleCases.env("KAFKA_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"k\\\""
                                + " password=\\\"s3cr3t\\\";")).firing("t", "(a JAAS password)"),
                violates(secrets, "a database URL with credentials", WorkloadRuleCases.env("DATABASE_URL",
                        "postgres://app:hunter2@db.internal:5432/fraud")).firing("t", "(a URL with user:password@)"),
                complies(secrets, "a URL without credentials", WorkloadRuleCases.env("DATABASE_URL",
                        "postgres://db.internal:5432/fraud")),
                complies(secrets, "a JAAS template naming no password", WorkloadRuleCases.env("KAFKA_SASL_MECHANISM",
                        "PLAIN"))
        ).map(c -> c.in(EFFECTIVE)).toList();
    }
}
