/**
 * The one place the front end reaches into the ABI module (layout and the libstdc++ type builders),
 * so a change of its entry points touches one file.
 */
export { stdType } from '../../abi/std';
export { sizeOf, alignOf } from '../../abi/layout';
export { tryAbi } from '../../abi/errors';
export { effectiveSpecials } from '../../abi/trivial';
