/**
 * The one-click examples: each is the learner's input, nothing more. What the explorer shows for
 * them comes from the simulator; the tests check it against lesson 6's table and against g++ 12.
 */
import type { ExplorerInput } from './input.ts';

export interface Example extends ExplorerInput {
  /** What the button says (the struct example shows its definition). */
  label: string;
}

const plain = (type: string): Example => ({ label: type, type, definitions: '' });

export const EXAMPLES: readonly Example[] = [
  plain('double'),
  plain('std::array<double, 2>'),
  plain('std::array<double, 4>'),
  plain('std::array<float, 4>'),
  { label: 'struct Vec3 { double x, y, z; }', type: 'Vec3', definitions: 'struct Vec3 { double x, y, z; };' },
  plain('std::pair<int, double>'),
  plain('std::complex<double>'),
  plain('std::shared_ptr<std::array<double, 4>>'),
  plain('std::unique_ptr<double>'),
  plain('std::string_view'),
  plain('long double'),
];
