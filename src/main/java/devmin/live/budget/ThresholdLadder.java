package devmin.live.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget's alert ladder ({@code devmin:budget.alertThresholds}, absolute amounts, strictly ascending) against the
 * month's actual and forecast spend: which rungs each has crossed, and whether either is above the last rung. A rung
 * is crossed when the amount is greater than it, as AWS Budgets alerts ({@code GREATER_THAN}).
 */
public record ThresholdLadder(List<BigDecimal> thresholds, BigDecimal limit) {

    /** One rung crossed, by the actual spend or by the forecast. */
    public record Crossing(BigDecimal threshold, String by) {
    }

    public ThresholdLadder {
        thresholds = List.copyOf(thresholds);
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one threshold");
        }
    }

    public BigDecimal last() {
        return thresholds.get(thresholds.size() - 1);
    }

    public List<Crossing> crossed(BigDecimal actual, BigDecimal forecast) {
        List<Crossing> crossed = new ArrayList<>();
        for (BigDecimal rung : thresholds) {
            if (actual.compareTo(rung) > 0) {
                crossed.add(new Crossing(rung, "actual"));
            }
            if (forecast.compareTo(rung) > 0) {
                crossed.add(new Crossing(rung, "forecast"));
            }
        }
        return crossed;
    }

    /** What is above the last rung, e.g. {@code actual 28.40}; empty when neither is. */
    public List<String> aboveLast(BigDecimal actual, BigDecimal forecast) {
        List<String> above = new ArrayList<>();
        if (actual.compareTo(last()) > 0) {
            above.add("actual " + actual.toPlainString());
        }
        if (forecast.compareTo(last()) > 0) {
            above.add("forecast " + forecast.toPlainString());
        }
        return above;
    }
}
