package devmin.live.moto;

import devmin.cli.CliRun;
import devmin.graph.DeclaredResource;
import devmin.testing.Moto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;

/**
 * A closed window of the committed stack on moto, to time the teardown proof from outside: the demo layer the program
 * declares is created through the AWS API, its state exported and snapshotted ({@code snapshot pre-destroy --state}),
 * then everything is gone but the core. Prints the endpoint and the snapshot, then keeps moto up for the given
 * seconds, so that {@code AWS_ENDPOINT_URL=<endpoint> java -jar target/devmin.jar verify-teardown --snapshot <file>
 * [--all-enabled-regions]} can be timed (e.g. with {@code /usr/bin/time -v}).
 * {@code java -cp target/devmin.jar:target/test-classes:<junit-jupiter-api and opentest4j jars>
 * devmin.live.moto.MotoClosedWindowBench 600}
 */
public final class MotoClosedWindowBench {

    private MotoClosedWindowBench() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        Moto moto = Moto.server();
        moto.reset();
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "moto");
        MotoStateInventoryIT.spec = stacks.spec.SpecParser.parse(stacks.spec.ConfigSource.of(
                committedConfig().values()), "devmin", "dev-min");
        Path dir = Files.createTempDirectory("devmin-closed-window");
        List<MotoStateInventoryIT.StateResource> created = new ArrayList<>();
        try (MotoAccount account = new MotoAccount(moto.endpoint(), MotoAccount.REGION)) {
            MotoStateInventoryIT.seedCore(account);
            for (DeclaredResource r : MotoStateInventoryIT.declaredDemo(preview(committedConfig()).graph())) {
                var c = MotoDemoKinds.KINDS.get(r.type()).create().apply(account, r.name());
                created.add(new MotoStateInventoryIT.StateResource(r.urn(), r.type(), c.id(), c.arn()));
            }
            Path state = MotoStateInventoryIT.export(dir, created);
            CliRun snapshot = CliRun.of("snapshot", "pre-destroy", "--state", state.toString(), "--out",
                    dir.resolve("runs").toString());
            System.out.println(snapshot.stdout());
            moto.reset();
            MotoStateInventoryIT.seedCore(account);
        }
        Path snapshot = MotoStateInventoryIT.evidence(dir.resolve("runs"), "pre_destroy_snapshot.json");
        System.out.println("READY " + moto.endpoint() + " " + snapshot + " (" + created.size()
                + " demo resources, " + MotoDemoKinds.KINDS.size() + " kinds)");
        System.out.flush();
        Thread.sleep(seconds * 1000);
        System.exit(0);
    }
}
