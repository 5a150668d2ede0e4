// Validates Kubernetes manifests offline against the Kubernetes API schemas, with the npm package
// kubernetes-models (no cluster needed). Usage: node validate-manifests.mjs <file.yaml>...
// Every document of every file must be a known apiVersion/kind and valid against its schema; prints one line per
// problem and exits 1 if there is any. The schemas catch wrong types and missing required fields, not unknown
// fields (the Java tests check the fields that matter by name).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const problems = [];
let valid = 0;

async function modelFor(apiVersion, kind) {
  // Core resources live under kubernetes-models/v1, the others under kubernetes-models/<group>/<version>.
  try {
    return (await import(`kubernetes-models/${apiVersion}`))[kind];
  } catch {
    return undefined;
  }
}

for (const file of process.argv.slice(2)) {
  // YAML 1.1, as kubectl reads it (0440 is octal, yes/no are booleans).
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' });
  for (const [index, document] of documents.entries()) {
    const where = `${file} (document ${index + 1})`;
    if (document.errors.length > 0) {
      problems.push(`${where}: ${document.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push(`${where}: no apiVersion or kind`);
      continue;
    }
    const Model = await modelFor(apiVersion, kind);
    if (Model === undefined) {
      problems.push(`${where}: ${apiVersion} ${kind} is not a Kubernetes resource kind`);
      continue;
    }
    try {
      new Model(object).validate();
      valid += 1;
    } catch (error) {
      problems.push(`${where}: ${kind} ${object.metadata?.name ?? '(no name)'}: ${error.message}`);
    }
  }
}

for (const problem of problems) {
  console.log(problem);
}
console.log(`${valid} valid, ${problems.length} invalid`);
process.exit(problems.length === 0 && valid > 0 ? 0 : 1);
