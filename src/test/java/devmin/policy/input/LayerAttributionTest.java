package devmin.policy.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view's layer: its nearest layer-component ancestor by parent URN, else the layer its URN's type chain names. The
 * URNs here are deliberately flat (no type chain) so that only the parent links can give the layer.
 */
class LayerAttributionTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";

    private static String urn(String type, String name) {
        return "urn:pulumi:dev-min::devmin::" + type + "::" + name;
    }

    private static ResourceView view(String type, String name, String parentUrn) {
        return new ResourceView(urn(type, name), type, name, "", JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode(), false, parentUrn, List.of(), Map.of(), "");
    }

    private static String layerOf(List<ResourceView> views, String name) {
        return LayerAttribution.apply(views).stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()
                .layer();
    }

    @Test
    void aResourceTakesTheLayerOfTheNearestLayerComponentAmongItsParents() {
        ResourceView core = view("devmin:stacks:CoreStack", "core", "");
        ResourceView group = view("devmin:component:Group", "group", core.urn());
        ResourceView bucket = view(BUCKET, "logs", group.urn());
        ResourceView orphan = view(BUCKET, "orphan", "");

        List<ResourceView> views = List.of(bucket, group, core, orphan);

        assertThat(layerOf(views, "core")).isEqualTo("core");
        assertThat(layerOf(views, "group")).isEqualTo("core");
        assertThat(layerOf(views, "logs")).isEqualTo("core");
        assertThat(layerOf(views, "orphan")).as("no layer component above it, none in its URN").isEmpty();
    }

    @Test
    void withoutALayerComponentAmongItsParentsTheUrnsTypeChainDecides() {
        ResourceView bucket = new ResourceView(
                "urn:pulumi:dev-min::devmin::devmin:stacks:DemoStack$" + BUCKET + "::site", BUCKET, "site", "",
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), false, "", List.of(),
                Map.of(), "");

        assertThat(layerOf(List.of(bucket), "site")).isEqualTo("demo");
    }

    @Test
    void aCycleOfParentsEndsTheWalk() {
        ResourceView a = view(BUCKET, "a", urn(BUCKET, "b"));
        ResourceView b = view(BUCKET, "b", urn(BUCKET, "a"));

        assertThat(LayerAttribution.apply(List.of(a, b))).extracting(ResourceView::layer).containsExactly("", "");
    }

    @Test
    void theWalkLooksAtTheResourceAndAtMost63AncestorsAbove() {
        // The walk is bounded (64 views: the resource and 63 ancestors), so a cycle or a pathological nesting ends.
        List<ResourceView> chain = new ArrayList<>();
        chain.add(view("devmin:stacks:ConfluentStack", "top", ""));
        for (int i = 1; i <= 64; i++) {
            chain.add(view(BUCKET, "n" + i, chain.get(i - 1).urn()));
        }

        assertThat(layerOf(chain, "n63")).as("63 levels below the component").isEqualTo("confluent");
        assertThat(layerOf(chain, "n64")).as("64 levels below: beyond the walk").isEmpty();
    }

    @Test
    void neutralJsonOfNothingIsJsonNull() {
        assertThat((Object) NeutralJson.of(null)).isEqualTo(NullNode.getInstance());
        assertThat((Object) NeutralJson.of(JsonNodeFactory.instance.missingNode())).isEqualTo(NullNode.getInstance());
        assertThat((Object) NeutralJson.of(TextNode.valueOf(WireValues.UNKNOWN_SENTINEL)))
                .isEqualTo(TextNode.valueOf(WireValues.UNKNOWN));
    }
}
