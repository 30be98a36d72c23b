// Validates Kubernetes manifests (a JSON array on stdin) against the schemas of the Kubernetes API
// and of Strimzi's published CRDs, as packaged by kubernetes-models (ES modules, hence this
// separate process). Prints [{ kind, name, errors }], one entry per manifest.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const packages = join(process.argv[2], 'node_modules');
const STRIMZI = '@kubernetes-models/strimzi-kafka-operator';

/** The model's file: each API group and version is a folder, each kind a module. */
function modulePath({ apiVersion, kind }) {
  const owner = apiVersion.startsWith('kafka.strimzi.io/') ? STRIMZI : 'kubernetes-models';
  return join(packages, owner, apiVersion, `${kind}.js`);
}

const manifests = JSON.parse(await new Response(process.stdin).text());
const results = [];
for (const manifest of manifests) {
  const path = modulePath(manifest);
  let Model;
  try {
    Model = (await import(pathToFileURL(path).href))[manifest.kind];
  } catch (error) {
    results.push({
      kind: manifest.kind,
      name: manifest.metadata?.name,
      errors: [`no schema for ${path}: ${error.message}`],
    });
    continue;
  }
  try {
    new Model(manifest).validate();
    results.push({ kind: manifest.kind, name: manifest.metadata?.name, errors: [] });
  } catch (error) {
    results.push({ kind: manifest.kind, name: manifest.metadata?.name, errors: [error.message] });
  }
}
console.log(JSON.stringify(results));
