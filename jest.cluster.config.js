/**
 * npm run test:cluster: the replicas test (tests/cluster), apart from `npm test` for its minute of load: nginx in
 * front of three servers over the one Neo4j that globalSetup starts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config extends the other
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/tests/cluster/*.cluster.ts'],
  testTimeout: 600000,
};
