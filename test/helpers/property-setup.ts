import fc from 'fast-check';
import { propertySeed } from './property';

// Every property test of `npm test` runs with the fixed seed (or ZAN_PROPERTY_SEED), also one that
// does not pass propertyParams: fast-check's global configuration is set before each test file.
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed() });
