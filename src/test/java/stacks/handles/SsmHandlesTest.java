package stacks.handles;

import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.testing.CommittedHandles;
import devmin.testing.Fixtures;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.util.List;

import static devmin.testing.CommittedHandles.BOOTSTRAP;
import static devmin.testing.CommittedHandles.PREFLIGHT_KEY;
import static devmin.testing.CommittedHandles.PREFLIGHT_SECRET;
import static devmin.testing.CommittedHandles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSM paths of the environment against the design (written out in {@link CommittedHandles}): shared bootstrap and
 * ingress key, each Kafka lane's own key and secret, the preflight probe's own pair, the database pair only with it.
 */
class SsmHandlesTest {

    static EnvironmentSpec committed() {
        return SpecParser.parse(ConfigSource.of(Fixtures.committedConfig().values()), "devmin", "dev-min");
    }

    static EnvironmentSpec withDatabase() {
        StackConfig config = Fixtures.editObject(Fixtures.committedConfig(), "devmin:database",
                        database -> database.put("enabled", true))
                .with("devmin:dbUser", StackFiles.placeholder("ciphertext-of-the-db-user"))
                .with("devmin:dbPassword", StackFiles.placeholder("ciphertext-of-the-db-password"));
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }

    @Test
    void theKafkaLanesAreTheLanesThatReadTheKafkaKey() {
        assertThat(SsmHandles.kafkaLanes(committed())).containsExactlyInAnyOrderElementsOf(CommittedHandles.KAFKA_LANES);
    }

    @Test
    void everyPathOfTheCommittedEnvironmentOnceEach() {
        List<String> all = SsmHandles.allPaths(committed());

        assertThat(all).containsExactlyInAnyOrderElementsOf(CommittedHandles.allPaths()).doesNotHaveDuplicates();
        assertThat(all).hasSize(2 + 2 * 15 + 2);
    }

    @Test
    void theDatabasePairJoinsEveryPathOnlyWithTheDatabase() {
        assertThat(SsmHandles.allPaths(committed())).doesNotContain(ROOT + "/db/user", ROOT + "/db/password");
        assertThat(SsmHandles.allPaths(withDatabase())).contains(ROOT + "/db/user", ROOT + "/db/password")
                .hasSize(CommittedHandles.allPaths().size() + 2);
    }

    @Test
    void aLaneMayDeclareTheSharedHandlesAndItsOwnKafkaPair() {
        assertThat(SsmHandles.readableNames(false)).containsExactlyInAnyOrder(
                HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, HandleName.SSM_IG_API_KEY_PATH,
                HandleName.SSM_CONFLUENT_API_KEY_PATH, HandleName.SSM_CONFLUENT_API_SECRET_PATH);
        assertThat(SsmHandles.readableNames(true)).contains(HandleName.SSM_DB_USER_PATH, HandleName.SSM_DB_PASSWORD_PATH)
                .hasSize(6);
    }

    @Test
    void preflightReadsTheSharedBootstrapAndItsOwnPairInThatOrder() {
        assertThat(SsmHandles.preflightKafkaPaths("dev_min")).containsExactly(BOOTSTRAP, PREFLIGHT_KEY, PREFLIGHT_SECRET);
    }

    @Test
    void everyLaneReadsItsOwnKafkaPath() {
        for (String lane : CommittedHandles.KAFKA_LANES) {
            for (String handle : List.of(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, HandleName.SSM_CONFLUENT_API_KEY_PATH,
                    HandleName.SSM_CONFLUENT_API_SECRET_PATH, HandleName.SSM_IG_API_KEY_PATH)) {
                assertThat(SsmHandles.pathFor("dev_min", false, lane, handle))
                        .isEqualTo(CommittedHandles.ownPath(lane, handle));
            }
        }
    }

    @Test
    void aHandleThatIsNoParameterOrADatabaseHandleWithoutTheDatabaseIsRefused() {
        assertThatThrownBy(() -> SsmHandles.pathFor("dev_min", false, "ig", HandleName.ECR_REPOSITORY_URI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ECR_REPOSITORY_URI")
                .hasMessageContaining("lane ig");
        assertThatThrownBy(() -> SsmHandles.pathFor("dev_min", false, "dl", HandleName.SSM_DB_PASSWORD_PATH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSM_DB_PASSWORD_PATH");
        assertThat(SsmHandles.pathFor("dev_min", true, "dl", HandleName.SSM_DB_PASSWORD_PATH))
                .isEqualTo(ROOT + "/db/password");
    }

    @Test
    void aParameterArnIsThePathAfterTheWordParameter() {
        // AWS documents arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterName} for a path that starts with /
        assertThat(SsmHandles.parameterArn("eu-west-2", "123456789012", ROOT + "/ig/api_key"))
                .isEqualTo("arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/dev_min/ig/api_key");
    }

    @Test
    void laneAddressesAreStableTokens() {
        assertThat(HandleName.laneAddress("case-trigger")).isEqualTo("LANE_ADDRESS_CASE_TRIGGER");
        assertThat(HandleName.forLane(HandleName.SSM_CONFLUENT_API_SECRET_PATH, "ig"))
                .isEqualTo("SSM_CONFLUENT_API_SECRET_PATH@ig");
    }
}
