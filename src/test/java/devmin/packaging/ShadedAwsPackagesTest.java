package devmin.packaging;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar keeps only some packages of the AWS provider's SDK (pom.xml, the shade filter of {@code com.pulumi:aws}).
 * The JDK's own class-dependency analyser ({@code jdeps -R}) follows every class reference from the compiled program
 * and tests through the provider's SDK; every package it reaches must be kept, or the program fails at run time with
 * a class the jar lacks although it compiled.
 */
class ShadedAwsPackagesTest {

    private static final Pattern AWS_PACKAGE = Pattern.compile("com\\.pulumi\\.aws(?:\\.[a-z0-9]+)*");
    private static final Pattern FILTER = Pattern.compile(
            "<artifact>com\\.pulumi:aws</artifact>\\s*<includes>(.*?)</includes>", Pattern.DOTALL);
    private static final Pattern INCLUDE = Pattern.compile("<include>com/pulumi/aws/(?:(\\w+)/\\*\\*|(\\*))</include>");

    @Test
    void everyProviderPackageTheCodeReachesIsKeptInTheJar() throws Exception {
        Set<String> reached = reachedAwsPackages();
        Set<String> kept = keptPackages(Files.readString(Path.of("pom.xml")));

        assertThat(reached).as("jdeps found the provider packages the program uses")
                .contains("com.pulumi.aws", "com.pulumi.aws.ecs", "com.pulumi.aws.iam");
        assertThat(kept).as("packages the shade filter keeps").containsAll(reached);
    }

    @Test
    void theFilterIsReadAsTheShadePluginReadsIt() {
        String pom = "<artifact>com.pulumi:aws</artifact>\n <includes>\n <include>com/pulumi/aws/*</include>\n"
                + " <include>com/pulumi/aws/ecs/**</include>\n </includes>";
        assertThat(keptPackages(pom)).containsExactlyInAnyOrder("com.pulumi.aws", "com.pulumi.aws.ecs");
        assertThat(keptPackages(pom.replace("ecs/**", "ecs/*.class"))).containsExactly("com.pulumi.aws");
    }

    /** Top-level packages of the provider SDK reached from target/classes and target/test-classes. */
    private static Set<String> reachedAwsPackages() throws Exception {
        Path providerJar = Path.of(com.pulumi.aws.Provider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-R", "-verbose:package", "-filter:none",
                "--multi-release", "17", "--ignore-missing-deps", "--class-path", providerJar.toString(),
                "target/classes", "target/test-classes");
        assertThat(exit).as(err.toString()).isZero();
        Set<String> packages = new TreeSet<>();
        Matcher matcher = AWS_PACKAGE.matcher(out.toString());
        while (matcher.find()) {
            List<String> parts = List.of(matcher.group().split("\\."));
            packages.add(String.join(".", parts.subList(0, Math.min(4, parts.size()))));
        }
        return packages;
    }

    /** The packages whose whole subtree the filter includes, and {@code com.pulumi.aws} for its top-level files. */
    static Set<String> keptPackages(String pom) {
        Matcher filter = FILTER.matcher(pom);
        assertThat(filter.find()).as("pom.xml has a shade filter with includes for com.pulumi:aws").isTrue();
        Set<String> kept = new TreeSet<>();
        Matcher include = INCLUDE.matcher(filter.group(1));
        while (include.find()) {
            kept.add(include.group(1) == null ? "com.pulumi.aws" : "com.pulumi.aws." + include.group(1));
        }
        return kept;
    }
}
