/**
 * Unit tests (*.test.ts) need nothing; integration tests (*.int.test.ts) share one real Neo4j, so files run one at a
 * time.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  maxWorkers: 1,
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
};
