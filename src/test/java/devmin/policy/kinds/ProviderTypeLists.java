package devmin.policy.kinds;

import com.pulumi.core.annotations.ResourceType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The providers' own type lists: pulumi-aws's from the {@code @ResourceType} annotations of its Java SDK on the
 * classpath; aws-native's and awsx's from the lists read out of their npm packages (files under
 * {@code src/test/resources/devmin/policy/kinds/}, each naming the package, its integrity hash and the command).
 */
final class ProviderTypeLists {

    private static Set<String> pulumiAws;

    private ProviderTypeLists() {
    }

    /** Every resource type token com.pulumi:aws declares, enumerated from its jar. */
    static synchronized Set<String> pulumiAws() {
        if (pulumiAws == null) {
            pulumiAws = enumerate(com.pulumi.aws.Provider.class);
        }
        return pulumiAws;
    }

    static Set<String> fromResource(String name) {
        Set<String> out = new TreeSet<>();
        try (InputStream in = ProviderTypeLists.class.getResourceAsStream("/devmin/policy/kinds/" + name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> enumerate(Class<?> anchor) {
        Set<String> out = new TreeSet<>();
        ClassLoader loader = anchor.getClassLoader();
        try (JarFile jar = new JarFile(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.contains("$") || name.contains("/inputs/")
                        || name.contains("/outputs/") || name.endsWith("Args.class")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name.replace('/', '.').substring(0, name.length() - 6), false, loader);
                    ResourceType annotation = type.getAnnotation(ResourceType.class);
                    if (annotation != null) {
                        out.add(annotation.type());
                    }
                } catch (ReflectiveOperationException | LinkageError e) {
                    // not a resource class
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the com.pulumi:aws jar", e);
        }
        return out;
    }
}
