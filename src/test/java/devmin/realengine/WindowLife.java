package devmin.realengine;

import java.util.ArrayList;
import java.util.List;

/**
 * A demo window's life on one stack under the real Pulumi CLI, as the TTL sweep meets it: what {@code pulumi stack ls
 * --json} and {@code pulumi stack history --json} print before the stack exists, on a new stack, after a core-only
 * first deploy, after the window opens, after a refresh, after a close that fails (the stub provider refuses to delete
 * one service), after the close that succeeds, and after a plain {@code pulumi destroy} that the protected core
 * refuses before deleting anything. {@link WindowStatusIT} decides at every step; {@link HistoryFixtureGenerator}
 * writes the same outputs as the fixtures under {@code src/test/resources/devmin/window/}.
 */
final class WindowLife {

    /** What the CLI printed after one step. */
    record Step(String name, String description, CliResult stackList, CliResult history) {
    }

    /** One step's outputs, then the next command. */
    interface Observer {
        void after(Step step);
    }

    static final String FAILING_DELETE = "Delete:service-ig";

    private WindowLife() {
    }

    static List<Step> live(PulumiWorkspace workspace, Observer observer) {
        List<Step> steps = new ArrayList<>();
        observe(workspace, "no-stack", "before 'pulumi stack init': the backend holds no stack", steps, observer);
        succeeded(workspace.pulumi("stack", "init", "dev-min"));
        succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "window-life-key"));
        observe(workspace, "new-stack", "after 'pulumi stack init', before any update", steps, observer);
        succeeded(workspace.pulumi("config", "set", "devmin:demoWindow", "closed"));
        succeeded(workspace.pulumi("up", "--yes", "--skip-preview"));
        observe(workspace, "core-only", "after 'pulumi up' with devmin:demoWindow: closed (core and confluent)", steps,
                observer);
        succeeded(workspace.pulumi("config", "set", "devmin:demoWindow", "open"));
        succeeded(workspace.pulumi("up", "--yes", "--skip-preview"));
        observe(workspace, "opened", "after 'pulumi up' with the window open", steps, observer);
        succeeded(workspace.pulumi("refresh", "--yes", "--skip-preview"));
        observe(workspace, "refreshed", "after 'pulumi refresh' of the open window", steps, observer);
        workspace.withEnvironment("DEVMIN_STUB_FAIL", FAILING_DELETE);
        CliResult failed = workspace.pulumi("destroy", "--exclude-protected", "--yes", "--skip-preview");
        workspace.withoutEnvironment("DEVMIN_STUB_FAIL");
        if (failed.exitCode() == 0) {
            throw new AssertionError("the injected delete failure did not fail the close: " + failed.describe());
        }
        observe(workspace, "close-failed", "after 'pulumi destroy --exclude-protected' that failed on one service",
                steps, observer);
        succeeded(workspace.pulumi("destroy", "--exclude-protected", "--yes", "--skip-preview"));
        observe(workspace, "closed", "after 'pulumi destroy --exclude-protected' that succeeded", steps, observer);
        CliResult refused = workspace.pulumi("destroy", "--yes");
        if (refused.exitCode() == 0) {
            throw new AssertionError("a plain destroy of protected resources succeeded: " + refused.describe());
        }
        observe(workspace, "plain-destroy-refused", "after a plain 'pulumi destroy' that the protected core refused at"
                + " its preview", steps, observer);
        return steps;
    }

    private static void observe(PulumiWorkspace workspace, String name, String description, List<Step> steps,
                                Observer observer) {
        Step step = new Step(name, description, workspace.pulumi("stack", "ls", "--json"),
                workspace.pulumi("stack", "history", "--stack", "dev-min", "--json", "--page-size", "100"));
        steps.add(step);
        observer.after(step);
    }

    static CliResult succeeded(CliResult result) {
        if (result.exitCode() != 0) {
            throw new AssertionError(result.describe());
        }
        return result;
    }
}
