package devmin.live.ecs;

import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the window commands read from the stack outputs, refused with every malformed handle named. */
class WindowHandlesTest {

    static Map<String, String> handles(String key, String value) {
        Map<String, String> handles = new LinkedHashMap<>(WindowFixtures.handles());
        handles.put(key, value);
        return handles;
    }

    static WindowHandles of(Map<String, String> handles) {
        return WindowHandles.of(handles, WindowFixtures.spec().lanes(), true);
    }

    @Test
    void theCommittedHandlesNameClusterSubnetsGroupAndEveryLanesRevision() {
        WindowHandles h = of(handles("ECS_SUBNET_IDS", " " + WindowFixtures.SUBNET_A + " ,," + WindowFixtures.SUBNET_B));

        assertThat(h.subnets()).containsExactly(WindowFixtures.SUBNET_A, WindowFixtures.SUBNET_B);
        assertThat(h.securityGroup()).isEqualTo(WindowFixtures.SECURITY_GROUP);
        assertThat(h.taskDefinition("ig")).isEqualTo(WindowFixtures.taskDefinition("ig"));
    }

    @Test
    void aTaskDefinitionWithoutItsRevisionIsRefused() {
        String family = WindowFixtures.ECS + "task-definition/devmin-dev-min-ig";

        assertThatThrownBy(() -> of(handles("TASK_DEFINITION_IG", family))).hasMessageContaining(
                "TASK_DEFINITION_IG: got '" + family + "', expected a task definition ARN ending in family:revision");
    }

    @Test
    void anEmptySubnetListIsRefused() {
        assertThatThrownBy(() -> of(handles("ECS_SUBNET_IDS", " , "))).hasMessageContaining(
                "ECS_SUBNET_IDS: got '', expected at least one subnet id");
    }

    @Test
    void aSecurityGroupThatIsNotAnSgIdIsRefused() {
        assertThatThrownBy(() -> of(handles("ECS_SECURITY_GROUP_ID", "default"))).hasMessageContaining(
                "ECS_SECURITY_GROUP_ID: got 'default', expected a security group id (sg-…)");
    }

    @Test
    void withoutTheNetworkNeitherSubnetsNorGroupAreRead() {
        Map<String, String> h = handles("ECS_SECURITY_GROUP_ID", "default");
        h.remove("ECS_SUBNET_IDS");

        WindowHandles handles = WindowHandles.of(h, WindowFixtures.spec().lanes(), false);

        assertThat(handles.subnets()).isEmpty();
    }

    @Test
    void aLaneWithoutAHandleIsNamed() {
        WindowHandles h = of(WindowFixtures.handles());

        assertThatThrownBy(() -> h.taskDefinition("wsp")).hasMessage("no task definition handle for lane wsp");
    }
}
