import { type CreateNodes, createNodesFromFiles, type TargetConfiguration } from '@nx/devkit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The targets every project of the house has, inferred rather than copied into each project.json:
 * - `int-test` where `test/` holds `*.int-spec.ts` files: the specs that talk to the real Kafka and
 *   MongoDB-protocol server (the unit `test` target, inferred by @nx/jest, runs none of them);
 * - for a service, the `serve` and deployable-bundle targets of @nx/node.
 */
export const createNodes: CreateNodes = [
  '{libs,services,tools,bench,tests}/**/project.json',
  (projectFiles, options, context) =>
    createNodesFromFiles(
      (projectFile) => ({
        projects: { [dirname(projectFile)]: { targets: targetsOf(dirname(projectFile), context.workspaceRoot) } },
      }),
      projectFiles,
      options,
      context,
    ),
];

function targetsOf(root: string, workspaceRoot: string): Record<string, TargetConfiguration> {
  const project = JSON.parse(readFileSync(join(workspaceRoot, root, 'project.json'), 'utf8')) as {
    name: string;
    projectType?: string;
  };
  return {
    ...(hasIntegrationSpecs(join(workspaceRoot, root, 'test')) ? { 'int-test': integrationTests(root) } : {}),
    ...(project.projectType === 'application' && root.startsWith('services/')
      ? serviceTargets(project.name, root)
      : {}),
  };
}

function hasIntegrationSpecs(directory: string): boolean {
  if (!existsSync(directory)) return false;
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.int-spec.ts'));
}

function integrationTests(root: string): TargetConfiguration {
  return {
    executor: 'nx:run-commands',
    // The real-infrastructure specs are never cached: they prove what the broker and the database do today.
    cache: false,
    options: { command: 'jest --passWithNoTests=false', cwd: root, env: { TECHNOPARK_TEST_SUITE: 'integration' } },
    metadata: {
      description: 'Integration specs (test/**/*.int-spec.ts) against a real Kafka broker and MongoDB-protocol server',
    },
  };
}

function serviceTargets(name: string, root: string): Record<string, TargetConfiguration> {
  const bundle = `{workspaceRoot}/dist/${root}`;
  return {
    'prune-lockfile': {
      dependsOn: ['build'],
      cache: true,
      executor: '@nx/js:prune-lockfile',
      outputs: [`${bundle}/package.json`, `${bundle}/package-lock.json`],
      options: { buildTarget: 'build' },
    },
    'copy-workspace-modules': {
      dependsOn: ['build'],
      cache: true,
      outputs: [`${bundle}/workspace_modules`],
      executor: '@nx/js:copy-workspace-modules',
      options: { buildTarget: 'build' },
    },
    prune: { dependsOn: ['prune-lockfile', 'copy-workspace-modules'], executor: 'nx:noop' },
    serve: {
      continuous: true,
      executor: '@nx/js:node',
      defaultConfiguration: 'development',
      dependsOn: ['build'],
      options: { buildTarget: `${name}:build`, runBuildTargetDependencies: false },
      configurations: {
        development: { buildTarget: `${name}:build:development` },
        production: { buildTarget: `${name}:build:production` },
      },
    },
  };
}
