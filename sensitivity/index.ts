/** Sensitivity analysis (`caresim sensitivity`): the folder's door. */
export {
  runSensitivity,
  runSensitivityDetailed,
  SensitivityError,
  SENSITIVITY_FORMAT,
  type SensitivityFile,
  type SensitivityOptions,
  type SensitivityOutcome,
  type Input,
} from './run-sensitivity.js';
export { sensitivity, leastSquares, type Sensitivity, type Influence } from './prcc.js';
