package devmin.ci;

import java.util.List;
import java.util.Locale;

/**
 * Prints what the role proof judges, per workflow job and per CI role: the requests each job makes (as the simulator
 * judges them), how many the role allows, its grants and how many no request uses, and the wall time of one run of the
 * simulator for the role with every grant's variant. For the committed stack:
 * {@code java -cp target/devmin.jar:target/test-classes devmin.ci.RoleProofFigures} (after {@code mvn -B package}).
 */
public final class RoleProofFigures {

    private RoleProofFigures() {
    }

    public static void main(String[] args) {
        CiSetup setup = CiSetup.all().get(0);
        System.out.println("requests per job (committed stack):");
        setup.requirements().forEach((job, requests) -> System.out.printf(Locale.ROOT, "  %-40s %5d  role %s%n", job,
                requests.size(), setup.roleOf(job).isEmpty() ? "none" : setup.roleOf(job)));
        for (String role : setup.roleNames()) {
            List<Requirement> requests = setup.requirementsOf(role);
            long start = System.nanoTime();
            RoleProof.Outcome outcome = RoleProof.prove(setup.roleArn(role), setup.spec().awsAccountId(),
                    setup.documents(role), List.of(), requests);
            double seconds = (System.nanoTime() - start) / 1e9;
            long allowed = outcome.declared().values().stream().filter(r -> r.allowed()).count();
            System.out.printf(Locale.ROOT, "%s: %d requests, %d allowed, %d grants, %d unused; %.1f s (SAR %s)%n", role,
                    requests.size(), allowed, outcome.deniedWithout().size(), outcome.unused().size(), seconds,
                    outcome.sarVersion());
        }
    }
}
