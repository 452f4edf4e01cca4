package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;
import java.util.stream.Stream;

import static devmin.policy.Views.*;
import static devmin.policy.rules.IamRuleCases.ROLE;
import static devmin.policy.rules.IamRuleCases.doc;
import static devmin.policy.rules.IamRuleCases.role;
import static devmin.policy.rules.IamRuleCases.rolePolicy;
import static devmin.policy.rules.IamRuleCases.task;
import static devmin.policy.rules.IamRuleCases.trust;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;
import static devmin.policy.rules.WorkloadRuleCases.guardedBucket;
import static devmin.policy.rules.WorkloadRuleCases.replaced;

/**
 * Issue #29: rules judge what AWS does, not one spelling of it. Each case names the AWS documentation it follows.
 * Resource coverage and resource types: the Service Authorization Reference (SAR, as data in action-resources.json).
 * Condition operators: IAM User Guide, "IAM JSON policy elements: Condition operators". Keys always sent: IAM User
 * Guide, "AWS global condition context keys" (aws:SecureTransport: "always included in the request context").
 */
final class AwsSemanticsCases {

    static final String GROUP = "aws-semantics";
    static final String SUB = "token.actions.githubusercontent.com:sub";
    static final String AUD_KEY = "token.actions.githubusercontent.com:aud";
    static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final com.fasterxml.jackson.databind.JsonNode SSE =
            tree("{'rule':{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'AES256'}}}");

    private AwsSemanticsCases() {
    }

    static List<RuleCase> all() {
        return Stream.of(resources(), operators(), trusts(), guards(), secrets(), effective(), whoseRole()).flatMap(List::stream).map(c -> c.in(GROUP))
                .toList();
    }

    private static List<RuleCase> resources() {
        var exec = new ExecutionRoleReadsNoSecrets();
        ResourceView execRole = role("exec");
        ResourceView laneRole = role("lane");
        String allowAll = "{'Effect':'Allow','Action':['ssm:*','secretsmanager:*','kms:*'],'Resource':'*'}";
        return List.of(
                // SAR, AWS Systems Manager: GetParameter* authorize against parameter
                // arn:${Partition}:ssm:${Region}:${Account}:parameter/…, so this Deny covers every one of them
                complies(exec, "a Deny on every parameter, secret and key spelled as ARN patterns (SAR resource types)",
                        task("t"), execRole, laneRole, rolePolicy("p", execRole, "[" + allowAll + ",{'Effect':'Deny',"
                                + "'Action':['ssm:GetParameter*','secretsmanager:*','kms:Decrypt'],'Resource':["
                                + "'arn:aws:ssm:*:*:parameter/*','arn:aws:secretsmanager:*:*:secret:*',"
                                + "'arn:aws:kms:*:*:key/*']},{'Effect':'Deny','Action':'secretsmanager:Batch*',"
                                + "'Resource':'*'}]")),
                violates(exec, "a Deny on the parameters of one region only (SAR: ${Region} is any region)",
                        task("t"), execRole, laneRole, rolePolicy("p", execRole, "[" + allowAll + ",{'Effect':'Deny',"
                                + "'Action':['ssm:*','secretsmanager:*','kms:*'],'Resource':"
                                + "'arn:aws:ssm:eu-west-2:*:parameter/*'}]"))
                        .firing("exec", "is granted ssm:GetParameter by Allow [ssm:*"),
                // SAR, AWS Key Management Service: Decrypt authorizes against the key resource type only; an alias
                // ARN names no key
                complies(exec, "kms:Decrypt on an alias ARN (SAR: Decrypt takes a key, not an alias)", task("t"),
                        execRole, laneRole, rolePolicy("p", execRole, "[{'Effect':'Allow','Action':'kms:Decrypt',"
                                + "'Resource':'arn:aws:kms:eu-west-2:123456789012:alias/devmin'}]")),
                // RFC 8259 section 4: a repeated name leaves the reader to choose; IAM might read Allow here
                violates(exec, "an execution role policy with Effect given twice", task("t"), execRole, laneRole,
                        from(demo("aws:iam/rolePolicy:RolePolicy", "p", props("role", "[unknown]", "policy",
                                json("{'Statement':[{'Effect':'Deny','Action':'ssm:*','Resource':'*','Effect':"
                                        + "'Allow'}]}"))), "role", execRole))
                        .firing("p", "cannot be verified (the key 'Effect' appears twice in one object at line 1"),
                violates(exec, "kms:Decrypt on a key ARN pattern (SAR: key/${KeyId})", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, "[{'Effect':'Allow','Action':'kms:Decrypt',"
                                + "'Resource':'arn:aws:kms:eu-west-2:123456789012:key/*'}]"))
                        .firing("exec", "is granted kms:Decrypt"));
    }

    private static List<RuleCase> operators() {
        var oidc = new GithubOidcTrustIsPinned();
        String audLike = "'StringLike':{'" + AUD_KEY + "':'sts.amazonaws.com','" + SUB + "':'repo:o/r:ref:refs/heads/main'}";
        return List.of(
                // Condition operators: StringLike's values "can include" wildcards; without one it is equality
                complies(oidc, "aud and sub under StringLike without wildcards (an exact match)", core(ROLE, "ci",
                        props("assumeRolePolicy", trust(audLike)))),
                violates(oidc, "aud under StringLike with a wildcard", core(ROLE, "ci", props("assumeRolePolicy",
                        trust("'StringLike':{'" + AUD_KEY + "':'sts.*','" + SUB + "':'repo:o/r:pull_request'}"))))
                        .firing("ci", "matches aud with StringLike, not StringEquals"),
                violates(oidc, "aud under StringEqualsIfExists (an absent aud passes)", core(ROLE, "ci", props(
                        "assumeRolePolicy", trust("'StringEqualsIfExists':{'" + AUD_KEY + "':'sts.amazonaws.com'},"
                                + "'StringEquals':{'" + SUB + "':'repo:o/r:pull_request'}"))))
                        .firing("ci", "matches aud with StringEqualsIfExists"),
                // GitHub: owner and repository names are case-insensitive, so a case-insensitive sub on one
                // owner/repo still admits one repository
                complies(oidc, "sub under StringEqualsIgnoreCase for one owner/repo in two casings", core(ROLE, "ci",
                        props("assumeRolePolicy", trust("'StringEquals':{'" + AUD_KEY + "':'sts.amazonaws.com'},"
                                + "'StringEqualsIgnoreCase':{'" + SUB + "':['repo:Example-Org/Fraud:pull_request',"
                                + "'repo:example-org/fraud:pull_request']}")))),
                violates(oidc, "sub under StringEqualsIgnoreCase for two repositories", core(ROLE, "ci",
                        props("assumeRolePolicy", trust("'StringEquals':{'" + AUD_KEY + "':'sts.amazonaws.com'},"
                                + "'StringEqualsIgnoreCase':{'" + SUB + "':['repo:o/r:pull_request',"
                                + "'repo:o/other:pull_request']}"))))
                        .firing("ci", "trust admits more than one repository"));
    }

    private static List<RuleCase> trusts() {
        var oidc = new GithubOidcTrustIsPinned();
        // IAM decodes JSON escapes (RFC 8259 section 7): \\u002e is '.', so this trust names GitHub's provider
        String escapedIssuer = "token\\u002eactions\\u002egithubusercontent\\u002ecom";
        String escapedTrust = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::1:oidc-provider/" + escapedIssuer + "'},'Action':'sts:AssumeRoleWithWebIdentity',"
                + "'Condition':{'StringEquals':{'" + escapedIssuer + ":aud':'sts.amazonaws.com'%s}}}]}";
        String unknownFederated = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
                + "'[unknown]'},'Action':'sts:AssumeRoleWithWebIdentity'%s}]}";
        return List.of(
                violates(oidc, "a trust naming GitHub with JSON escapes and no sub (RFC 8259 escapes)", core(ROLE, "ci",
                        props("assumeRolePolicy", json(escapedTrust.formatted("")))))
                        .firing("ci", "trust has no sub condition"),
                complies(oidc, "a trust naming GitHub with JSON escapes, pinned", core(ROLE, "ci",
                        props("assumeRolePolicy", json(escapedTrust.formatted(",'" + escapedIssuer
                                + ":sub':'repo:o/r:pull_request'"))))),
                violates(oidc, "a Federated principal unknown at preview with no condition", core(ROLE, "ci",
                        props("assumeRolePolicy", tree(unknownFederated.formatted("")))))
                        .firing("ci", "trusts a Federated principal that cannot be read"),
                violates(oidc, "a whole Principal unknown at preview with no condition", core(ROLE, "ci",
                        props("assumeRolePolicy", tree("{'Statement':[{'Effect':'Allow','Principal':'[unknown]',"
                                + "'Action':'sts:AssumeRoleWithWebIdentity'}]}"))))
                        .firing("ci", "trusts a Federated principal that cannot be read"),
                complies(oidc, "a trust of another OIDC provider without conditions", core(ROLE, "eks", props(
                        "assumeRolePolicy", doc("[{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::1:"
                                + "oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/ABC'},"
                                + "'Action':'sts:AssumeRoleWithWebIdentity'}]")))),
                violates(oidc, "three repositories", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'" + AUD_KEY + "':'sts.amazonaws.com','" + SUB + "':['repo:o@1/r@2:x',"
                                + "'repo:o-1/r-2:x','repo:o/other:x']}"))))
                        .firing("ci", "trust admits more than one repository"),
                violates(oidc, "a sub without the repo: form", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'" + AUD_KEY + "':'sts.amazonaws.com','" + SUB + "':'anything'}"))))
                        .firing("ci", "trust sub 'anything' is not fixed to one owner/repo"),
                complies(oidc, "a trust without Statement that names no GitHub provider", core(ROLE, "ci",
                        props("assumeRolePolicy", json("{'Version':'2012-10-17'}")))),
                complies(oidc, "a pinned Allow beside an unconditioned Deny naming GitHub's provider", core(ROLE, "ci",
                        props("assumeRolePolicy", doc("[{'Effect':'Deny','Principal':{'Federated':'arn:aws:iam::1:"
                                + "oidc-provider/token.actions.githubusercontent.com'},'Action':'sts:TagSession'},"
                                + "{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::1:oidc-provider/"
                                + "token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity',"
                                + "'Condition':{'StringEquals':{'" + AUD_KEY + "':'sts.amazonaws.com','" + SUB
                                + "':'repo:o/r:pull_request'}}}]")))),
                complies(oidc, "a Federated principal unknown at preview, pinned to one repository", core(ROLE, "ci",
                        props("assumeRolePolicy", tree(unknownFederated.formatted(",'Condition':{'StringEquals':{'"
                                + AUD_KEY + "':'sts.amazonaws.com','" + SUB + "':'repo:o/r:pull_request'}}"))))));
    }

    private static List<RuleCase> guards() {
        var buckets = new BucketsAreGuarded();
        var nat = new NoNatGateway();
        List<ResourceView> guarded = guardedBucket(true, true, true, true);
        ResourceView bucket = guarded.get(0);
        String legacy = "aws:s3/bucket:Bucket";
        ResourceView unnamed = core(legacy, "evidence", props("bucket", "[unknown]", "versioning",
                tree("{'enabled':true}"), "serverSideEncryptionConfiguration", SSE, "policy",
                tlsDocument("'*'", "'s3:*'", "'*'", "Bool")));
        return List.of(
                // Global condition keys: aws:SecureTransport is always in the request context, so BoolIfExists is Bool
                complies(buckets, "a TLS Deny under BoolIfExists (S3 always sends aws:SecureTransport)",
                        replaced(guarded, "tls", tls(bucket, "'*'", "'s3:*'",
                                "['arn:aws:s3:::evidence-bucket','arn:aws:s3:::evidence-bucket/*']", "BoolIfExists"))),
                violates(buckets, "a TLS Deny for one principal only", replaced(guarded, "tls", tls(bucket,
                        "{'AWS':'arn:aws:iam::123456789012:root'}", "'s3:*'", "'*'", "Bool")))
                        .firing("evidence", "has no policy denying non-TLS requests to every principal"),
                violates(buckets, "a TLS Deny of one action only", replaced(guarded, "tls", tls(bucket, "'*'",
                        "'s3:GetObject'", "'*'", "Bool"))).firing("evidence", "has no policy denying non-TLS"),
                violates(buckets, "a TLS Deny on the bucket but not its objects", replaced(guarded, "tls", tls(bucket,
                        "'*'", "'s3:*'", "'arn:aws:s3:::evidence-bucket'", "Bool")))
                        .firing("evidence", "has no policy denying non-TLS"),
                // pulumi-aws Bucket (legacy): policy, versioning and serverSideEncryptionConfiguration are inline
                complies(buckets, "a legacy Bucket carrying its guards inline", publicAccessBlock(), core(legacy,
                        "evidence", props("bucket", "evidence-bucket", "versioning", tree("{'enabled':true}"),
                                "serverSideEncryptionConfiguration", tree("{'rule':{'applyServerSideEncryptionByDefault':"
                                        + "{'sseAlgorithm':'AES256'}}}"), "policy",
                                tlsDocument("'*'", "'s3:*'", "'*'", "Bool")))),
                violates(buckets, "a legacy Bucket whose inline versioning the recorded outputs show disabled",
                        publicAccessBlock(), withOutputs(core(legacy, "evidence", props("bucket", "evidence-bucket",
                                "versioning", tree("{'enabled':true}"))), props("versioning",
                                tree("[{'enabled':false}]"))))
                        .firing("evidence", "is not versioned"),
                violates(buckets, "a legacy Bucket whose inline encryption is unknown until the update runs",
                        publicAccessBlock(), core(legacy, "evidence", props("bucket", "evidence-bucket", "versioning",
                                tree("{'enabled':true}"), "serverSideEncryptionConfiguration", "[unknown]", "policy",
                                tlsDocument("'*'", "'s3:*'", "'*'", "Bool"))))
                        .firing("evidence", "has no default encryption"),
                violates(buckets, "an encryption configuration whose rules are unknown until the update runs",
                        replaced(guarded, "sse", from(core("aws:s3/bucketServerSideEncryptionConfigurationV2:"
                                + "BucketServerSideEncryptionConfigurationV2", "sse", props("rules", "[unknown]")),
                                "bucket", bucket)))
                        .firing("evidence", "has no default encryption"),
                violates(buckets, "a TLS Deny on the bucket's name when its recorded ARN names another bucket",
                        publicAccessBlock(), withOutputs(core(legacy, "evidence", props("bucket", "evidence-bucket",
                                "versioning", tree("{'enabled':true}"), "serverSideEncryptionConfiguration",
                                SSE, "policy", tlsDocument("'*'", "'s3:*'",
                                        "['arn:aws:s3:::evidence-bucket','arn:aws:s3:::evidence-bucket/*']", "Bool"))),
                                props("arn", "arn:aws:s3:::evidence-bucket-2")))
                        .firing("evidence", "has no policy denying non-TLS"),
                complies(buckets, "a bucket whose name is unknown at preview, with a TLS Deny on every bucket",
                        from(publicAccessBlock(), "bucket", unnamed), unnamed),
                violates(buckets, "a bucket whose name is a secret, with a TLS Deny on one bucket name",
                        publicAccessBlock(), core(legacy, "evidence", props("bucket", "[secret]", "versioning",
                                tree("{'enabled':true}"), "serverSideEncryptionConfiguration", SSE,
                                "policy", tlsDocument("'*'", "'s3:*'",
                                        "['arn:aws:s3:::evidence-bucket','arn:aws:s3:::evidence-bucket/*']", "Bool"))))
                        .firing("evidence", "has no policy denying non-TLS"),
                violates(nat, "a route table whose inputs route through a NAT gateway and whose outputs do not",
                        withOutputs(demo("aws:ec2/routeTable:RouteTable", "rt", props("routes", tree(
                                "[{'cidrBlock':'0.0.0.0/0','natGatewayId':'nat-0123456789abcdef0'}]"))),
                                props("routes", tree("[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1'}]"))))
                        .firing("rt", "routes 0.0.0.0/0 through a NAT gateway"),
                complies(nat, "a route table whose inputs and outputs both route to an internet gateway",
                        withOutputs(demo("aws:ec2/routeTable:RouteTable", "rt", props("routes", tree(
                                "[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1'}]"))), props("routes", tree(
                                "[{'cidrBlock':'0.0.0.0/0','gatewayId':'igw-1','natGatewayId':''}]")))));
    }

    private static List<RuleCase> secrets() {
        var secrets = new NoPlaintextSecretsInTaskEnvironment();
        return List.of(
                // IAM User Guide, "IAM identifiers": access key ids begin AKIA (long-term) or ASIA (temporary)
                violates(secrets, "an access key inside a config file's text", WorkloadRuleCases.env("APP_CONFIG",
                        "[default]\\nregion = eu-west-2\\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\\n"))
                        .firing("t", "plaintext secret in APP_CONFIG (a credential format: an AWS access key id)"),
                // RFC 3986 section 3.2.1: userinfo may hold a token alone (GitHub accepts https://<token>@github.com)
                violates(secrets, "a token as a clone URL's userinfo", WorkloadRuleCases.env("REPO_URL",
                        "https://abcdefghijklmnopqrstuvwxyz012345@github.com/o/r.git"))
                        .firing("t", "plaintext secret in REPO_URL (a URL with a token as its userinfo)"),
                // Redis AUTH with a password only: rediss://:password@host (userinfo with an empty user)
                violates(secrets, "a password-only URL", WorkloadRuleCases.env("CACHE_URL",
                        "rediss://:s3cr3t-pass@cache.internal:6379"))
                        .firing("t", "plaintext secret in CACHE_URL (a URL with user:password@)"),
                // GitHub docs, "About authentication to GitHub": fine-grained tokens begin github_pat_
                violates(secrets, "a GitHub fine-grained token inside a command line", WorkloadRuleCases.env("ARGS",
                        "--auth github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz --verbose"))
                        .firing("t", "plaintext secret in ARGS (a credential format: a GitHub token)"),
                // GitHub docs: GitHub App installation tokens begin ghs_
                violates(secrets, "a GitHub App installation token", WorkloadRuleCases.env("INSTALL",
                        "token=ghs_" + "a".repeat(36)))
                        .firing("t", "plaintext secret in INSTALL (a credential format: a GitHub token)"),
                // Slack docs, "Token types": bot tokens begin xoxb-
                violates(secrets, "a Slack bot token", WorkloadRuleCases.env("NOTIFY", "xoxb-123456789012-abcdefABCDEF"))
                        .firing("t", "plaintext secret in NOTIFY (a credential format: a Slack token)"),
                // RFC 7468: PEM private keys, wherever they sit in a value
                violates(secrets, "a private key inside a value", WorkloadRuleCases.env("TLS_MATERIAL",
                        "cert follows -----BEGIN EC PRIVATE KEY----- MHcCAQ"))
                        .firing("t", "plaintext secret in TLS_MATERIAL (a credential format: a private key)"),
                complies(secrets, "a URL with a user name and an empty password", WorkloadRuleCases.env("DATABASE_URL",
                        "postgres://app:@db.internal:5432/fraud")),
                complies(secrets, "a URL with a user name but no password", WorkloadRuleCases.env("DATABASE_URL",
                        "postgres://app@db.internal:5432/fraud")),
                complies(secrets, "a clone URL without userinfo and a note about token formats", WorkloadRuleCases.env(
                        "NOTE", "clone https://github.com/o/r.git; tokens look like github_pat_ or ghp_")));
    }

    private static List<RuleCase> effective() {
        var admin = new NoAdministratorGrant();
        var lane = new LaneRolesReadOwnParameters();
        ResourceView ci = core(ROLE, "ci", props("name", "devmin-dev-min-ci"));
        ResourceView execRole = role("exec");
        ResourceView laneRole = role("lane");
        String exact = "arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/dev_min/ig/api_key";
        String readsOnStar = "{'Effect':'Allow','Action':['ssm:GetParameter','ssm:GetParameters'],'Resource':'*'}";
        ResourceView everything = core("aws:iam/policy:Policy", "boundary", props("name", "boundary", "policy",
                doc("[{'Effect':'Allow','Action':'*','Resource':'*'}]")));
        ResourceView bounded = from(core(ROLE, "bounded", props("name", "devmin-dev-min-bounded",
                "permissionsBoundary", "[unknown]")), "permissionsBoundary", everything);
        return List.of(
                // IAM User Guide, "Policies and permissions": iam:PutRolePolicy/AttachRolePolicy on any role let a
                // principal give itself any policy, so iam:* on * is administrator access
                violates(admin, "iam:* on * (the role can grant itself anything)", rolePolicy("p", ci,
                        "[{'Effect':'Allow','Action':'iam:*','Resource':'*'}]"))
                        .firing("p", "lets its principal grant itself every action on every resource"),
                complies(admin, "IAM reads on * and role writes on the stack's own role names", rolePolicy("p", ci,
                        "[{'Effect':'Allow','Action':['iam:Get*','iam:List*'],'Resource':'*'},{'Effect':'Allow',"
                                + "'Action':'iam:PutRolePolicy','Resource':'arn:aws:iam::123456789012:role/devmin-*'}]")),
                // IAM User Guide, "Policy evaluation logic": a principal's identity policies are evaluated together
                violates(admin, "every action on every resource split across two policies of one role", ci,
                        rolePolicy("a", ci, "[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]"),
                        rolePolicy("b", ci, "[{'Effect':'Allow','Action':'iam:*','Resource':'*','Condition':"
                                + "{'StringEquals':{'aws:RequestedRegion':'eu-west-2'}}}]"))
                        .firing("ci", "'ci', by all its policies together, allows every action on every resource"),
                // IAM User Guide, "Permissions boundaries for IAM entities": a boundary grants no permission
                complies(admin, "a */* document used only as a permissions boundary", everything, bounded),
                violates(admin, "a */* document used as a boundary and also attached", everything, bounded,
                        from(IamRuleCases.attachment("a", bounded, "[unknown]"), "policyArn", everything))
                        .firing("boundary", "customer policy 'boundary' allows every action on every resource"),
                complies(admin, "a */* boundary named by ARN, not by dependency", everything, core(ROLE, "named",
                        props("name", "devmin-dev-min-named", "permissionsBoundary",
                                "arn:aws:iam::123456789012:policy/boundary"))),
                violates(admin, "a */* boundary also listed in a role's managedPolicyArns", everything, bounded,
                        core(ROLE, "other", props("name", "devmin-dev-min-other", "managedPolicyArns",
                                tree("['arn:aws:iam::123456789012:policy/boundary']"))))
                        .firing("boundary", "customer policy 'boundary' allows every action on every resource"),
                complies(admin, "a */* aws-native policy that attaches itself to nothing, used as a boundary",
                        core("aws-native:iam:ManagedPolicy", "self", props("managedPolicyName", "self",
                                "policyDocument", tree("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))),
                        core(ROLE, "x", props("name", "devmin-dev-min-x", "permissionsBoundary",
                                "arn:aws:iam::123456789012:policy/self"))),
                violates(admin, "a */* aws-native policy that attaches itself to a role and is also a boundary",
                        core("aws-native:iam:ManagedPolicy", "self", props("managedPolicyName", "self",
                                "policyDocument", tree("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"),
                                "roles", tree("['devmin-dev-min-x']"))),
                        core(ROLE, "x", props("name", "devmin-dev-min-x", "permissionsBoundary",
                                "arn:aws:iam::123456789012:policy/self")))
                        .firing("self", "allows every action on every resource"),
                // IAM User Guide, "IAM JSON policy elements: NotResource": a Deny with NotResource denies all else
                complies(lane, "reads on * fenced by a Deny with a NotResource of exact parameter ARNs", task("t"),
                        execRole, laneRole, rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Deny',"
                                + "'Action':'ssm:*','NotResource':['" + exact + "']}]")),
                violates(lane, "reads on * behind a NotResource fence with a wildcard", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Deny','Action':'ssm:*',"
                                + "'NotResource':['arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/*']}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"),
                complies(lane, "one read on * fenced for that read only", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[{'Effect':'Allow','Action':'ssm:GetParameter','Resource':'*'},"
                                + "{'Effect':'Deny','Action':'ssm:GetParameter','NotResource':['" + exact + "']}]")),
                violates(lane, "reads on * behind a conditional fence", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Deny','Action':'ssm:*',"
                                + "'NotResource':['" + exact + "'],'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"),
                violates(lane, "reads on * behind a fence that also names a Resource", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Deny','Action':'ssm:*',"
                                + "'Resource':'arn:aws:ssm:eu-west-2:123456789012:parameter/other','NotResource':['"
                                + exact + "']}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"),
                violates(lane, "a read on a non-SSM ARN", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'ssm:GetParameter','Resource':'arn:aws:s3:::b/k'}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"),
                violates(lane, "a read on an SSM document ARN", task("t"), execRole, laneRole, rolePolicy("p",
                        laneRole, "[{'Effect':'Allow','Action':'ssm:GetParameter','Resource':"
                                + "'arn:aws:ssm:eu-west-2:1:document/x'}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"),
                violates(lane, "reads on * beside an Allow (not a Deny) with a NotResource of exact ARNs", task("t"),
                        execRole, laneRole, rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Allow',"
                                + "'Action':'ssm:*','NotResource':['" + exact + "']}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs: Allow [ssm:GetParameter"),
                violates(lane, "reads on * behind a fence for another action", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[" + readsOnStar + ",{'Effect':'Deny','Action':'ssm:PutParameter',"
                                + "'NotResource':['" + exact + "']}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs"));
    }

    private static List<RuleCase> whoseRole() {
        var exec = new ExecutionRoleReadsNoSecrets();
        ResourceView laneRole = role("lane");
        ResourceView execRole = withOutputs(role("exec"), props("arn",
                "arn:aws:iam::123456789012:role/devmin-dev-min-exec"));
        ResourceView pathed = withOutputs(role("exec"), props("arn",
                "arn:aws:iam::123456789012:role/service/devmin-dev-min-exec"));
        return List.of(
                // IAM User Guide, "IAM identifiers": the account id is part of a role's ARN; the same name in another
                // account is another role, which this stack does not declare, so a possible grant
                violates(exec, "an execution role ARN in another account with this stack's role name", laneRole,
                        execRole, demo(IamRuleCases.TASK, "t", props("executionRoleArn",
                                "arn:aws:iam::999999999999:role/devmin-dev-min-exec", "containerDefinitions",
                                json("[{'name':'app','image':'x'}]"))))
                        .firing("t", "names execution role 'arn:aws:iam::999999999999:role/devmin-dev-min-exec'"),
                violates(exec, "an execution role ARN in another partition with this stack's role name", laneRole,
                        execRole, demo(IamRuleCases.TASK, "t", props("executionRoleArn",
                                "arn:aws-cn:iam::123456789012:role/devmin-dev-min-exec", "containerDefinitions",
                                json("[{'name':'app','image':'x'}]"))))
                        .firing("t", "which is no role of this stack"),
                violates(exec, "a value that is no ARN but ends in :role/ and this stack's role name", laneRole,
                        execRole, demo(IamRuleCases.TASK, "t", props("executionRoleArn",
                                "x:role/devmin-dev-min-exec", "containerDefinitions",
                                json("[{'name':'app','image':'x'}]"))))
                        .firing("t", "which is no role of this stack"),
                violates(exec, "an execution role ARN matching a role whose recorded ARN is malformed", laneRole,
                        withOutputs(role("exec"), props("arn", "not-an-arn")), task("t"))
                        .firing("t", "which is no role of this stack"),
                complies(exec, "an execution role ARN in the role's own account", laneRole, execRole, task("t")),
                complies(exec, "an execution role ARN naming a role whose own ARN is unknown at preview", laneRole,
                        withOutputs(role("exec"), props("arn", "[unknown]")), task("t")),
                complies(exec, "an execution role ARN without the path the role's ARN carries", laneRole, pathed,
                        task("t")));
    }

    static ResourceView publicAccessBlock() {
        return core("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", props("bucket", "evidence-bucket",
                "blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true,
                "restrictPublicBuckets", true));
    }

    static String tlsDocument(String principal, String action, String resource, String operator) {
        return doc("[{'Effect':'Deny','Principal':" + principal + ",'Action':" + action + ",'Resource':" + resource
                + ",'Condition':{'" + operator + "':{'aws:SecureTransport':'false'}}}]");
    }

    static ResourceView tls(ResourceView bucket, String principal, String action, String resource, String operator) {
        return from(core(POLICY, "tls", props("policy", tlsDocument(principal, action, resource, operator))), "bucket",
                bucket);
    }
}
