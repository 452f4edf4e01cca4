package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code devmin certify}: one verdict for a window (or a phase) that references every verdict it rests on by evidence
 * key and sha256, and passes only if each required one exists, passed, and belongs to this stack and pinned image.
 * For each kind the newest verdict (not before {@code --since}) across the sources is taken. A window certificate may
 * take an opening verdict from a passing open-phase certificate that references it (the plan is local to the job
 * that opened the window); it then names both. Closing verdicts older than an opening one belong to another window.
 */
public final class Certification {

    public static final String SCHEMA = "devmin.certification/v1";

    /** What to certify. */
    public record Request(CertifyPhase phase, Set<String> requiredRuns, String since) {
        public Request {
            requiredRuns = Set.copyOf(requiredRuns);
        }
    }

    private final List<EvidenceSource> sources;
    private final EnvironmentSpec spec;
    private final Request request;
    private final Map<String, ObjectNode> entries = new ConcurrentHashMap<>();
    private final Object certificateLock = new Object();
    private Optional<FoundVerdict> openCertificate;

    private Certification(List<EvidenceSource> sources, EnvironmentSpec spec, Request request) {
        this.sources = List.copyOf(sources);
        this.spec = spec;
        this.request = request;
    }

    public static Verdict certify(List<EvidenceSource> sources, EnvironmentSpec spec, Request request,
                                  int parallelism, long deadlineMillis, Provenance provenance) {
        return new Certification(sources, spec, request).certify(parallelism, deadlineMillis, provenance);
    }

    private Verdict certify(int parallelism, long deadlineMillis, Provenance provenance) {
        List<Checks.Named> checks = new ArrayList<>();
        request.phase().required().forEach(kind -> checks.add(named(kind, true)));
        if (request.phase().coversJobRuns()) {
            spec.lanes().stream().filter(l -> !l.isService()).map(LaneSpec::name).forEach(lane -> checks.add(
                    named(VerdictKind.jobRun(lane), request.requiredRuns().contains(lane))));
        }
        List<CheckResult> results = new ArrayList<>(Checks.run(checks, parallelism, deadlineMillis));
        if (request.phase() == CertifyPhase.WINDOW) {
            results.add(order());
        }
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("stack", spec.stack());
        context.put("phase", request.phase().wireName());
        context.put("image_digest", spec.image().digest());
        context.put("since", request.since());
        var list = context.putArray("sources");
        sources.forEach(s -> list.add(s.name()));
        ObjectNode verdicts = context.putObject("verdicts");
        new TreeMap<>(entries).forEach(verdicts::set);
        return new Verdict(SCHEMA, results, context, provenance.finished());
    }

    private Checks.Named named(VerdictKind kind, boolean required) {
        return new Checks.Named(kind.name(), "evidence", log -> check(kind, required, log));
    }

    private CheckResult check(VerdictKind kind, boolean required, CallLog log) {
        Optional<FoundVerdict> found = newest(kind, log);
        if (found.isEmpty() && request.phase() == CertifyPhase.WINDOW && VerdictKind.OPEN.contains(kind)) {
            found = throughOpenCertificate(kind, log);
        }
        if (found.isEmpty()) {
            return required ? new CheckResult(kind.name(), "evidence", CheckStatus.BLOCKER, "missing: no " + kind.name()
                    + " verdict of this stack" + (request.since().isEmpty() ? "" : " since " + request.since())
                    + " in " + String.join(" or ", sources.stream().map(EvidenceSource::name).toList()), log.calls(),
                    List.of()) : log.pass(kind.name(), "evidence", kind.name() + " did not run in this window (not"
                    + " required)");
        }
        FoundVerdict verdict = found.get();
        VerdictJudge.Judgement judgement = VerdictJudge.judge(verdict, spec.stack(), spec.image().digest());
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", verdict.key())
                .put("sha256", verdict.sha256()).put("source", verdict.source()).put("stamp", verdict.stamp())
                .put("status", judgement.status().name().toLowerCase(java.util.Locale.ROOT));
        verdict.json().map(j -> j.path("overall_pass")).filter(JsonNode::isBoolean)
                .ifPresent(p -> entry.put("overall_pass", p.asBoolean()));
        entries.put(kind.name(), entry);
        return new CheckResult(kind.name(), "evidence", judgement.status(), judgement.message(), log.calls(),
                List.of(verdict.key(), "sha256:" + verdict.sha256()));
    }

    private Optional<FoundVerdict> newest(VerdictKind kind, CallLog log) {
        List<FoundVerdict> found = new ArrayList<>();
        for (EvidenceSource source : sources) {
            source.newest(kind, request.since(), log).ifPresent(s -> found.add(FoundVerdict.of(kind, source.name(),
                    s)));
        }
        return found.stream().max(Comparator.comparing(FoundVerdict::stamp));
    }

    /**
     * The opening verdict as referenced by the newest open-phase certificate, when that certificate passed for this
     * stack and image and lists the verdict as passed; the certificate itself is referenced too.
     */
    private Optional<FoundVerdict> throughOpenCertificate(VerdictKind kind, CallLog log) {
        Optional<FoundVerdict> certificate;
        synchronized (certificateLock) {
            if (openCertificate == null) {
                openCertificate = newest(VerdictKind.certificate(CertifyPhase.OPEN), log);
            }
            certificate = openCertificate;
        }
        if (certificate.isEmpty() || VerdictJudge.judge(certificate.get(), spec.stack(), spec.image().digest())
                .status() != CheckStatus.PASS) {
            return Optional.empty();
        }
        FoundVerdict open = certificate.get();
        entries.put(VerdictKind.certificate(CertifyPhase.OPEN).name(), JsonNodeFactory.instance.objectNode()
                .put("key", open.key()).put("sha256", open.sha256()).put("source", open.source())
                .put("stamp", open.stamp()).put("status", "pass").put("overall_pass", true));
        JsonNode entry = open.json().orElseThrow().path("verdicts").path(kind.name());
        if (!entry.path("overall_pass").asBoolean(false) || !entry.path("sha256").isTextual()) {
            return Optional.empty();
        }
        ObjectNode standIn = JsonNodeFactory.instance.objectNode().put("overall_pass", true);
        standIn.putObject("provenance").put("stack", open.json().get().path("provenance").path("stack").asText())
                .put("image_digest", open.json().get().path("provenance").path("image_digest").asText());
        return Optional.of(new FoundVerdict(kind, "via " + open.key(), entry.path("key").asText(),
                entry.path("stamp").asText(), entry.path("sha256").asText(), Optional.of(standIn), true));
    }

    /** Closing verdicts made before an opening one (or a job run) belong to another window. */
    private CheckResult order() {
        CallLog none = new CallLog();
        Optional<Map.Entry<String, String>> lastOpened = stamps(false).stream().max(Map.Entry.comparingByValue());
        Optional<Map.Entry<String, String>> firstClosed = stamps(true).stream().min(Map.Entry.comparingByValue());
        if (lastOpened.isPresent() && firstClosed.isPresent()
                && firstClosed.get().getValue().compareTo(lastOpened.get().getValue()) < 0) {
            return new CheckResult("window-order", "evidence", CheckStatus.BLOCKER, firstClosed.get().getKey() + " ("
                    + firstClosed.get().getValue() + ") is older than " + lastOpened.get().getKey() + " ("
                    + lastOpened.get().getValue() + "): they belong to different windows", List.of(), List.of(
                    firstClosed.get().getKey(), lastOpened.get().getKey()));
        }
        return none.pass("window-order", "evidence", "every closing verdict is newer than every opening verdict and"
                + " job run");
    }

    private List<Map.Entry<String, String>> stamps(boolean closing) {
        List<String> closingKinds = VerdictKind.CLOSE.stream().map(VerdictKind::name).toList();
        return entries.entrySet().stream().filter(e -> closingKinds.contains(e.getKey()) == closing)
                .filter(e -> !e.getKey().startsWith("certificate:"))
                .map(e -> Map.entry(e.getKey(), e.getValue().path("stamp").asText())).toList();
    }
}
