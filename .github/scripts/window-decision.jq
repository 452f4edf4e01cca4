# The TTL sweep's decision without a JVM: the same rule as devmin.window.WindowTtl (devmin window status), in jq, so
# the 30-minute sweep needs no Maven build. WindowDecisionScriptTest runs both on the real CLI fixtures and on edge
# cases and requires the same window, decision and opening time; change one, change the other.
#
# jq -n -f window-decision.jq --arg stack dev-min --arg ttl 4 --arg now "" \
#    --slurpfile stacks stacks.json --slurpfile history history.json --slurpfile alerts alerts.json
#
#   stacks   what `pulumi stack ls --json` printed (a JSON array of {name, ...})
#   history  what `pulumi stack history --json` printed (a JSON array, most recent first; not read when the backend
#            does not list the stack)
#   alerts   what `gh issue list --label devmin-close-failed --state open --json url,updatedAt` printed: the
#            open alerts a failed close raised (demo-window.yml). A window that must be closed and has an alert
#            updated since it opened is "held": its close already failed and was reported, so the sweep does not
#            start the same failing close every 30 minutes. A window opened after the last alert is closed as usual.
#   now      RFC 3339 UTC (2026-11-30T18:00:00Z); empty: the current time
#
# Prints devmin.window-status/v1 ({stack, window, decision, reason, ...}); decision is close, none or held. Anything that is not what pulumi prints
# (an unknown kind or result, a missing or unreadable time, a second JSON value) is an error (jq exits 5), never
# "nothing to close".

def refuse(message): error("window-decision: " + message);

def known(field; values; where):
  .[field] as $value
  | if ($value | type) == "string" and (values | index($value)) != null then $value
    else refuse(where + "." + field + ": got " + ($value | tojson) + ", expected one of " + (values | tojson)
                + " (pulumi stack history --json)")
    end;

# Seconds since the epoch of an RFC 3339 UTC time with optional fractional seconds (pulumi prints milliseconds).
def epoch(where):
  if type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$") then
    (capture("^(?<base>[^.Z]+)(?<fraction>\\.[0-9]+)?Z$")) as $parts
    | ($parts.base + "Z" | fromdateiso8601) + (($parts.fraction // ".0") | "0" + . | tonumber)
  else refuse(where + ": got " + tojson + ", expected an RFC 3339 UTC time such as 2026-11-30T16:54:41.000Z")
  end;

def operation(where):
  if type != "object" then refuse(where + ": expected an update object, got " + tojson) else . end
  | {kind: known("kind"; ["update", "preview", "refresh", "rename", "destroy", "import"]; where),
     result: known("result"; ["not-started", "in-progress", "succeeded", "failed"]; where),
     start: (if .startTime == null then refuse(where + ".startTime: got <missing>, expected an RFC 3339 time")
             else .startTime end),
     startEpoch: (if .startTime == null then null else (.startTime | epoch(where + ".startTime")) end),
     window: (.config["devmin:demoWindow"].value | if type == "string" then . else null end)};

def closedTheWindow:
  .result == "succeeded" and (.kind == "destroy" or (.kind == "update" and .window == "closed"));

def leavesTheLayerAsItWas:
  (.kind != "update" and .kind != "destroy") or .result == "not-started";

def describe: .kind + " " + .result + " at " + .start;

def holds($stack):
  any(.[]; .name as $name | $name == $stack or ($name | endswith("/" + $stack)) or ($stack | endswith("/" + $name)));

def one(name; what):
  if length != 1 then refuse(name + ": expected exactly one JSON value (" + what + "), got " + (length | tostring))
  elif (.[0] | type) != "array" then refuse(name + ": expected " + what + " (a JSON array), got " + (.[0] | type))
  else .[0] end;

def hours: . / 3600;

($ttl | if test("^[0-9]+(\\.[0-9]+)?$") and tonumber > 0 then tonumber
        else refuse("ttl: got " + tojson + ", expected a number of hours greater than 0, such as 4 or 0.5") end)
  as $ttlHours
| (if $now == "" then now else ($now | epoch("now")) end) as $at
| ($stacks | one("stacks"; "the output of pulumi stack ls --json")) as $list
| ($list | to_entries | map(.key as $i | .value.name as $name
    | if ($name | type) == "string" and ($name | length) > 0 then {name: $name}
      else refuse("stacks[\($i)].name: got " + ($name | tojson) + ", expected a stack name") end))
  as $names
| ($alerts | one("alerts"; "the output of gh issue list --json url,updatedAt")) as $raised
| {schema: "devmin.window-status/v1", stack: $stack, ttl_hours: $ttlHours,
   now: ($at | floor | todateiso8601)} as $base
| if ($names | holds($stack) | not) then
    $base + {window: "no-stack", decision: "none",
             reason: ("the backend holds no stack named " + $stack + ": nothing to close"), operations_read: 0}
  else
    ($history | one("history"; "the output of pulumi stack history --json")
      | to_entries | map(.key as $i | .value | operation("history[\($i)]"))) as $operations
    | (reduce $operations[] as $op ({change: null, opening: null, close: null, done: false};
        if .done or ($op | leavesTheLayerAsItWas) then .
        elif ($op | closedTheWindow) then .close = $op | .done = true
        else .change = (.change // $op) | .opening = $op end)) as $found
    | ($operations | length) as $read
    | if $found.change == null then
        if $found.close != null then
          $base + {window: "closed", decision: "none", reason: ("the last operation that changes the demo layer ("
                   + ($found.close | describe) + ") closed it: nothing to close"), operations_read: $read}
        else
          $base + {window: "never-opened", decision: "none", reason: (if $read == 0
                   then "the stack has no history: nothing to close"
                   else "no update or destroy in the \($read) operations read: nothing to close" end),
                   operations_read: $read}
        end
      else
        ((($at - $found.opening.startEpoch) | floor) | hours) as $open
        | ("open since " + $found.opening.start + " (" + ($open * 100 | round / 100 | tostring) + " h)") as $since
        | ($raised | map(select(.updatedAt | epoch("alerts[].updatedAt") >= $found.opening.startEpoch))
            | first // null) as $alert
        | $base + {window: "open", opened_at: $found.opening.start, open_hours: ($open * 100 | round / 100),
                   last_change: {kind: $found.change.kind, result: $found.change.result,
                                 start_time: $found.change.start},
                   operations_read: $read}
        + if $found.change.kind == "destroy" and $found.change.result == "failed" then
            {decision: "close", reason: ($since + "; the last close (" + ($found.change | describe)
                                          + ") failed, so the demo layer may still stand: close it again")}
          elif $open >= $ttlHours then
            {decision: "close", reason: ($since + ", longer than the TTL of \($ttlHours) h")}
          else
            {decision: "none", reason: ($since + ", within the TTL of \($ttlHours) h")}
          end
        | if .decision == "close" and $alert != null then
            .decision = "held"
            | .reason += "; a failed close of this window raised \($alert.url) (updated \($alert.updatedAt)):"
                         + " the sweep does not ask again until that issue is closed"
          else . end
      end
  end
