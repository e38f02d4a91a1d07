// `npm run test:scenario`: the Huế scenario end to end (slow: ~71,000 dossiers through the command path).
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: 'test/scenario/.*\\.scenario\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  testTimeout: 900000,
};
