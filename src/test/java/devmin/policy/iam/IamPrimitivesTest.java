package devmin.policy.iam;

import devmin.policy.ResourceView;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static devmin.policy.Views.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The small parts the IAM evaluation stands on: wildcard patterns (IAM User Guide, "IAM JSON policy elements:
 * Action": {@code *} any run, {@code ?} one character, action names without case), a request's description in
 * messages, the kind facts of an IAM resource, and the managed-policy table's provenance.
 */
class IamPrimitivesTest {

    @Test
    void aCompiledPatternTakesStarAsAnyRunQuestionMarkAsOneCharacterAndEverythingElseLiterally() {
        Pattern p = IamStatement.compile("arn:aws:s3:::logs-?/*.gz", false);

        assertThat(p.matcher("arn:aws:s3:::logs-1/2026/12/06.gz").matches()).isTrue();
        assertThat(p.matcher("arn:aws:s3:::logs-1/.gz").matches()).as("* matches an empty run").isTrue();
        assertThat(p.matcher("arn:aws:s3:::logs-/a.gz").matches()).as("? is exactly one character").isFalse();
        assertThat(p.matcher("arn:aws:s3:::logs-12/a.gz").matches()).isFalse();
        assertThat(p.matcher("arn:aws:s3:::logs-1/axgz").matches()).as("the dot is a dot").isFalse();
        assertThat(p.matcher("arn:aws:s3:::logs-1/a.gzip").matches()).as("the whole value must match").isFalse();
    }

    @Test
    void aCompiledPatternIgnoresCaseOnlyWhenAskedTo() {
        assertThat(IamStatement.compile("ssm:Get*", true).matcher("SSM:getparameter").matches()).isTrue();
        assertThat(IamStatement.compile("arn:aws:s3:::Logs*", false).matcher("arn:aws:s3:::logs").matches())
                .isFalse();
        assertThat(IamStatement.compile("arn:aws:s3:::Logs*", false).matcher("arn:aws:s3:::Logs-2").matches())
                .isTrue();
    }

    @Test
    void aPatternWithoutWildcardsIsCompared() {
        assertThat(IamStatement.wildcardMatch("s3:GetObject", "S3:GETOBJECT", true)).as("action: no case").isTrue();
        assertThat(IamStatement.wildcardMatch("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false)).isFalse();
        assertThat(IamStatement.wildcardMatch("arn:aws:s3:::bucket", "arn:aws:s3:::bucket", false)).isTrue();
        assertThat(IamStatement.wildcardMatch("s3:GetObject", "s3:GetObjectAcl", true)).isFalse();
    }

    @Test
    void aWildcardPatternSeenForTheFirstTimeMatches() {
        // A pattern no run has used before, so the match compiles it here rather than finding it cached.
        String fresh = "arn:aws:ssm:eu-west-2:111122223333:parameter/" + UUID.randomUUID();

        assertThat(IamStatement.wildcardMatch(fresh + "/*", fresh + "/db/password", false)).isTrue();
        assertThat(IamStatement.wildcardMatch(fresh + "/?", fresh + "/db", false)).isFalse();
        assertThat(IamStatement.wildcardMatch(fresh.toUpperCase(java.util.Locale.ROOT) + "*", fresh, true)).isTrue();
    }

    @Test
    void aRequestDescribesItselfWithTheKeysItCarries() {
        IamRequest plain = IamRequest.of("iam:CreateRole", "arn:aws:iam::111122223333:role/lane");

        assertThat(plain.describe()).isEqualTo("iam:CreateRole on arn:aws:iam::111122223333:role/lane");
        assertThat(plain.with("iam:PermissionsBoundary", "arn:aws:iam::111122223333:policy/b").describe())
                .isEqualTo("iam:CreateRole on arn:aws:iam::111122223333:role/lane"
                        + " with {iam:permissionsboundary=[arn:aws:iam::111122223333:policy/b]}");
    }

    @Test
    void aResourceTheKindTableDoesNotKnowIsRefusedByName() {
        ResourceView unknown = ResourceView.of("urn:pulumi:dev-min::devmin::aws:nosuch/thing:Thing::t",
                "aws:nosuch/thing:Thing", "t", "core", props());

        assertThatThrownBy(() -> IamIndex.facts(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws:nosuch/thing:Thing");
    }

    @Test
    void theManagedPolicyTableNamesItsSource() {
        assertThat(ManagedPolicies.source()).startsWith("AWS Managed Policy Reference Guide");
    }
}
