import nx from '@nx/eslint-plugin';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

/**
 * Module boundaries in two dimensions (scope × type). Services never import each other;
 * contracts stay free of infrastructure; only libs/messaging touches the Kafka client.
 */
const testHelpers = ['@technopark/testing', '@technopark/platform/testing', '@technopark/security/testing'].map(
  (name) => ({
    name,
    message: 'test helpers are for *.spec.ts and test/ only',
  }),
);
const infrastructurePackages = ['kafkajs', 'mongoose', '@nestjs/*', 'express'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '.infra/**', 'docs/**'] },
  // One format, Prettier's (.prettierrc.json: 120 columns): an unformatted file fails lint. `npm run format` fixes it.
  prettierRecommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // Build configuration may share the service webpack factory.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+tools/webpack/service-webpack\\.config$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...['applications', 'residency', 'funding-matching', 'events', 'analytics', 'partner-gateway'].map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: ['scope:shared', `scope:${service}`],
            })),
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'],
              bannedExternalImports: ['kafkajs'],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: infrastructurePackages,
            },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            // The site-cells suite runs cells and services as processes through the tooling; it imports no service.
            {
              sourceTag: 'type:system-test',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing', 'type:tool'],
            },
            // Benchmarks run services as processes and use the test helpers; they import no service.
            {
              sourceTag: 'type:bench',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing', 'type:tool'],
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers are for specs only; production code must not pull them in.
    files: ['**/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: testHelpers }],
    },
  },
  {
    // kafkajs stays behind libs/messaging so a client swap is a local change.
    files: ['libs/**/*.ts'],
    ignores: ['libs/messaging/**', 'libs/testing/**', '**/*.spec.ts', '**/test/**', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'only libs/messaging may import the Kafka client' }, ...testHelpers] },
      ],
    },
  },
];
