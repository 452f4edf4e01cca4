package devmin.live.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Sync AWS clients per region on one shared Apache HTTP client, all with the same retry and timeout settings. */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();

    /** Clients on a fresh default credential chain (its own, so what it finds is not shared across runs). */
    public AwsClients(AwsSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(10)).maxConnections(32).build();
    }

    /**
     * Why no call can be signed, asked once before any check: empty when the credential chain yields credentials.
     * The SDK's own answer lists every provider of the chain (about 1.4 KB); this is one line and what to do.
     */
    public Optional<String> missingCredentials(Map<String, String> env) {
        try {
            credentials.resolveCredentials();
            return Optional.empty();
        } catch (SdkClientException e) {
            String profile = env.getOrDefault("AWS_PROFILE", "default");
            return Optional.of("no usable AWS credentials: the default chain (environment variables, system properties,"
                    + " web identity token, profile '" + profile + "' in ~/.aws, container and instance metadata) has"
                    + " none. Set AWS_PROFILE to a configured profile (after 'aws sso login' if it uses SSO) or"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; in GitHub Actions, assume the role with"
                    + " aws-actions/configure-aws-credentials first. Nothing was checked.");
        }
    }

    public Ec2Client ec2(String region) {
        return client("ec2", region, () -> configure(Ec2Client.builder(), region).build());
    }

    public ElasticLoadBalancingV2Client elbv2(String region) {
        return client("elbv2", region, () -> configure(ElasticLoadBalancingV2Client.builder(), region).build());
    }

    public ElasticLoadBalancingClient elb(String region) {
        return client("elb", region, () -> configure(ElasticLoadBalancingClient.builder(), region).build());
    }

    public EcsClient ecs(String region) {
        return client("ecs", region, () -> configure(EcsClient.builder(), region).build());
    }

    public RdsClient rds(String region) {
        return client("rds", region, () -> configure(RdsClient.builder(), region).build());
    }

    public ResourceGroupsTaggingApiClient tagging(String region) {
        return client("tagging", region, () -> configure(ResourceGroupsTaggingApiClient.builder(), region).build());
    }

    public EcrClient ecr(String region) {
        return client("ecr", region, () -> configure(EcrClient.builder(), region).build());
    }

    public SsmClient ssm(String region) {
        return client("ssm", region, () -> configure(SsmClient.builder(), region).build());
    }

    public StsClient sts(String region) {
        return client("sts", region, () -> configure(StsClient.builder(), region).build());
    }

    public CloudWatchLogsClient logs(String region) {
        return client("logs", region, () -> configure(CloudWatchLogsClient.builder(), region).build());
    }

    public AccessAnalyzerClient accessAnalyzer(String region) {
        return client("accessanalyzer", region, () -> configure(AccessAnalyzerClient.builder(), region).build());
    }

    /** Cost Explorer answers for the whole account from one endpoint, signed for us-east-1. */
    public CostExplorerClient costExplorer() {
        return client("ce", "us-east-1", () -> configure(CostExplorerClient.builder(), "us-east-1").build());
    }

    /** AWS Budgets is global, signed for us-east-1. */
    public BudgetsClient budgets() {
        return client("budgets", "us-east-1", () -> configure(BudgetsClient.builder(), "us-east-1").build());
    }

    /** Cloud Map's two reads, on the same HTTP client, credentials and retry settings (see {@link CloudMapReads}). */
    public CloudMapReads cloudMap(String region) {
        return new CloudMapReads(http, credentials, settings, region);
    }

    public IamClient iam() {
        return client("iam", "aws-global", () -> configure(IamClient.builder(), "aws-global").build());
    }

    public S3Client s3(String region) {
        return client("s3", region, () -> configure(S3Client.builder(), region)
                .forcePathStyle(settings.endpoint().isPresent()).build());
    }

    @SuppressWarnings("unchecked")
    private <T extends AutoCloseable> T client(String service, String region, Supplier<T> create) {
        return (T) clients.computeIfAbsent(service + "@" + region, k -> create.get());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region));
        builder.credentialsProvider(credentials);
        settings.endpoint().ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.baseDelay(), Duration.ofSeconds(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.baseDelay(),
                                Duration.ofSeconds(5)))
                        .build())
                .apiCallTimeout(settings.callTimeout())
                .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        });
        http.close();
    }
}
