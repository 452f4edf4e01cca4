package devmin.cli;

import devmin.analyzer.AnalyzerServer;
import devmin.policy.PolicyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code devmin analyzer}: the rule pack as a Pulumi analyzer plugin (started by policies/devmin-policy-pack). */
@Command(name = "analyzer",
        header = "Serve the rule pack as a Pulumi analyzer (started by policies/devmin-policy-pack).", mixinStandardHelpOptions = true,
        description = {"Serve the dev-min rule pack over Pulumi's Analyzer gRPC protocol. Prints the port as the first "
                + "line of stdout (nothing before it), logs to stderr, and runs until Cancel or until stdin closes. "
                + "Started by policies/devmin-policy-pack, which 'pulumi preview --policy-pack' runs."})
public final class AnalyzerCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENGINE", description = "The engine address Pulumi passes (unused; the handshake repeats it).")
    String engineAddress;

    @Option(names = "--waivers", paramLabel = "FILE", defaultValue = "policies/waivers.yaml", description = "Waivers file (default: ${DEFAULT-VALUE}).")
    Path waivers;

    @Override
    public Integer call() throws Exception {
        try {
            return new AnalyzerServer(PolicyConfig.loadWaivers(waivers)).serve(System.out, System.in);
        } catch (PolicyConfig.PolicyConfigException e) {
            System.err.println("devmin analyzer: " + e.getMessage());
            return 2;
        }
    }
}
