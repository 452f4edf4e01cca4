package devmin.policy;

import devmin.policy.rules.AlwaysOnComputeOnlyInDemo;
import devmin.policy.rules.AwsTypesAreKnown;
import devmin.policy.rules.BucketsAreGuarded;
import devmin.policy.rules.DemoResourcesTaggedForTheLayer;
import devmin.policy.rules.EcrRepositoriesImmutableAndScanned;
import devmin.policy.rules.ExecutionRoleReadsNoSecrets;
import devmin.policy.rules.GithubOidcTrustIsPinned;
import devmin.policy.rules.ImagesPinnedByDigest;
import devmin.policy.rules.KafkaAclsAreNarrow;
import devmin.policy.rules.LaneRolesReadOwnParameters;
import devmin.policy.rules.LogGroupsHaveRetention;
import devmin.policy.rules.NoAdministratorGrant;
import devmin.policy.rules.NoLoadBalancer;
import devmin.policy.rules.NoNatGateway;
import devmin.policy.rules.NoPlaintextSecretsInTaskEnvironment;
import devmin.policy.rules.ProtectionMatchesLayer;
import devmin.policy.rules.StackHasBudget;

import java.util.List;
import java.util.Optional;

/** The dev-min rule pack: the list of rules, nothing else. */
public record RulePack(String name, String version, List<Rule> rules) {

    public static final String NAME = "devmin-policies";
    public static final String VERSION = "1.0.0";

    public static RulePack devmin() {
        return new RulePack(NAME, VERSION, List.of(
                new NoNatGateway(),
                new NoLoadBalancer(),
                new AlwaysOnComputeOnlyInDemo(),
                new LogGroupsHaveRetention(),
                new StackHasBudget(),
                new ExecutionRoleReadsNoSecrets(),
                new LaneRolesReadOwnParameters(),
                new NoAdministratorGrant(),
                new GithubOidcTrustIsPinned(),
                new NoPlaintextSecretsInTaskEnvironment(),
                new ImagesPinnedByDigest(),
                new EcrRepositoriesImmutableAndScanned(),
                new BucketsAreGuarded(),
                new ProtectionMatchesLayer(),
                new DemoResourcesTaggedForTheLayer(),
                new KafkaAclsAreNarrow(),
                new AwsTypesAreKnown()));
    }

    /** A rule by id ({@code DM-COST-001}) or name ({@code no-nat-gateway}). */
    public Optional<Rule> rule(String idOrName) {
        return rules.stream().filter(r -> r.id().equals(idOrName) || r.name().equals(idOrName)).findFirst();
    }
}
