// Test helpers: import from '@technopark/security/testing' in specs only.
export { bearer, TestTokens } from './test-tokens';
export {
  describeAuthorizationMatrix,
  type MatrixContext,
  type MatrixEndpoint,
  type MatrixMethod,
} from './authorization-matrix';
