export { unstorableTextProblem } from './storable-text';
export { describeValue } from './describe-value';
