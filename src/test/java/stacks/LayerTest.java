package stacks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayerTest {

    @Test
    void onlyPersistentLayersAreProtected() {
        assertThat(Layer.CORE.isProtected()).isTrue();
        assertThat(Layer.CONFLUENT.isProtected()).isTrue();
        assertThat(Layer.DEMO.isProtected()).isFalse();
    }

    @Test
    void aLayerIsFoundByItsComponentTypeOrInAUrnsTypeChain() {
        assertThat(Layer.ofComponentType("devmin:stacks:DemoStack")).contains(Layer.DEMO);
        assertThat(Layer.ofComponentType("aws:ecs/service:Service")).isEmpty();
        assertThat(Layer.ofUrn("urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:ConfluentStack"
                + "$confluentcloud:index/kafkaTopic:KafkaTopic::topic-a")).contains(Layer.CONFLUENT);
        assertThat(Layer.ofUrn("urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$aws:ec2/vpc:Vpc::vpc")).isEmpty();
        assertThat(Layer.ofUrn("not-a-urn")).isEmpty();
    }
}
