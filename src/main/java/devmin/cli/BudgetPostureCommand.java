package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.budget.BudgetPosture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import stacks.spec.EnvironmentSpec;

import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin budget-posture}: the month's spend against the budget's threshold ladder. */
@Command(name = "budget-posture",
        header = "Place this month's spend and forecast on the budget's threshold ladder.",
        mixinStandardHelpOptions = true,
        description = {"Read, concurrently: Cost Explorer's month-to-date unblended cost and its forecast to the end of the "
                + "month (ce:GetCostAndUsage, ce:GetCostForecast; each Cost Explorer request is billed at USD 0.01), "
                + "and the stack's AWS budget with its own actual and forecasted spend (budgets:ViewBudget). The higher "
                + "actual and the higher forecast are placed on devmin:budget.alertThresholds: the verdict names every "
                + "threshold crossed, and fails when either is above the last threshold (an amount on it is not above "
                + "it) or when the budget's limit is not devmin:budget.monthlyLimit. The actual spend is required; a "
                + "forecast AWS does not have yet (Cost Explorer's DataUnavailableException, a budget without "
                + "ForecastedSpend: a new account or budget) is a warning named in the verdict with AWS's reason, and "
                + "the month is placed on what there is. Writes "
                + "<out>/<environment>/budget/<UTC>/budget_posture_snapshot.json and .md."},
        footer = {"",
                "Exit codes: 0 not above the last threshold (thresholds crossed and warnings are named); 1 above the "
                + "last threshold, or the budget's limit drifted; 2 could not verify (an API error, an answer that is "
                + "not the operation's result, no actual spend, another currency, no AWS credentials, a failed "
                + "--publish); 64 usage."})
public final class BudgetPostureCommand implements Callable<Integer> {

    /** IAM actions: DescribeBudget is authorized as budgets:ViewBudget; and {@code --publish}. */
    public static final Set<String> AWS_ACTIONS = Set.of("ce:GetCostAndUsage", "ce:GetCostForecast",
            "budgets:ViewBudget", "s3:PutObject");

    @Mixin
    LiveOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 60_000, "budget-posture", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        var clients = LiveRun.clients("budget-posture", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            Verdict verdict = BudgetPosture.check(aws, environment, options.parallelism, inputs.get().deadlineMillis(),
                    LiveRun.provenance(options, environment));
            return LiveRun.finish(options, environment, aws, verdict, "budget", "budget_posture_snapshot",
                    "Budget posture " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }
}
